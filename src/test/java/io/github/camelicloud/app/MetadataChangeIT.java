package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.Exiftool;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.Jpegs;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --embed-metadata --xmp-sidecar}: a caption and a favourite changed in iCloud (same
 * bytes, a new CPLAsset in {@code changes/zone}) reach the delivered JPEG and HEIC and their sidecars on the next run,
 * incremental and full, without downloading the photos again; their picture data stays byte for byte the same, and the
 * HEIC keeps one metadata mdat however often it is rewritten.
 */
class MetadataChangeIT {

    private static final String USER = "jar-metachange@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(30).seed(17).videoSize(100_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void aMetadataOnlyChangeIsRewrittenIntoTheFileWithoutADownload() throws Exception {
        Path folder = work.resolve("photos");
        JarProcess.Result first = sync(folder);
        LibraryManifest.Asset asset = plain("public.jpeg");
        LibraryManifest.Asset heicAsset = plain("public.heic");
        Path file = folder.resolve(asset.fileName());
        Path heic = folder.resolve(heicAsset.fileName());
        byte[] picture = picture(file);
        byte[] heicPicture = picture(heic);
        assertThat(mdats(heic)).as("the HEIC's own mdat and the metadata's").isEqualTo(2);

        apple.get().annotateAsset(USER, asset.id(), "Changed in Photos", true);
        apple.get().annotateAsset(USER, heicAsset.id(), "HEIC changed in Photos", true);
        apple.get().resetRequestCounts();
        JarProcess.Result incremental = sync(folder);
        assertThat(apple.get().requestCounts()).as("an incremental run").containsKey(
                "POST /database/1/com.apple.photos.cloud/production/private/changes/zone");
        assertThat(incremental.output()).contains("(2 with updated metadata)");
        assertUpdated(incremental, file, picture, "Changed in Photos", 5);
        assertUpdated(incremental, heic, heicPicture, "HEIC changed in Photos", 5);

        apple.get().annotateAsset(USER, asset.id(), "Changed again", false);
        apple.get().annotateAsset(USER, heicAsset.id(), "HEIC changed again", false);
        apple.get().resetRequestCounts();
        JarProcess.Result full = sync(folder, "--no-incremental");
        assertUpdated(full, file, picture, "Changed again", 0);
        assertUpdated(full, heic, heicPicture, "HEIC changed again", 0);
        assertThat(mdats(heic)).as("the metadata's mdat replaced, not added").isEqualTo(2);

        apple.get().resetRequestCounts();
        JarProcess.Result unchanged = sync(folder);
        assertThat(unchanged.output()).as("nothing changed since").doesNotContain("Updated the metadata of");
        assertThat(first.output()).doesNotContain("Updated the metadata of");
    }

    private static void assertUpdated(JarProcess.Result run, Path file, byte[] picture, String caption, int rating)
            throws Exception {
        assertThat(run.output()).contains("Updated the metadata of " + file.getParent() + "/" + file.getFileName())
                .contains("(2 with updated metadata)");
        assertThat(apple.get().requestCounts().getOrDefault("GET /B/*", 0L)).as("downloads").isZero();
        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo(caption);
        assertThat(tags.path("XMP-xmp:Rating").asInt(0)).isEqualTo(rating);
        assertThat(picture(file)).as("the compressed picture").isEqualTo(picture);
        String sidecar = Files.readString(file.resolveSibling(file.getFileName() + ".xmp"), StandardCharsets.UTF_8);
        assertThat(sidecar).contains(caption);
    }

    /** A visible photo of this type in the primary library, no favourite, whose name no other asset has. */
    private static LibraryManifest.Asset plain(String type) {
        List<LibraryManifest.Asset> assets = apple.get().manifest(USER).assets();
        Map<String, Long> names = assets.stream().filter(a -> a.fileName() != null)
                .collect(Collectors.groupingBy(LibraryManifest.Asset::fileName, Collectors.counting()));
        return assets.stream().filter(a -> type.equals(a.itemType()) && !a.hidden() && !a.deleted()
                && !a.favorite() && a.zone().equals("PrimarySync") && names.get(a.fileName()) == 1)
                .findFirst().orElseThrow(() -> new AssertionError("no plain " + type + " in the generated library"));
    }

    private static JarProcess.Result sync(Path folder, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--directory",
                folder.toString(), "--folder-structure", "none", "--no-progress-bar", "--embed-metadata",
                "--xmp-sidecar"));
        args.addAll(List.of(extra));
        JarProcess.Result run = JarProcess.jar(work, args.toArray(String[]::new)).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("Error embedding").doesNotContain("Error updating");
        return run;
    }

    /**
     * What metadata never touches: a JPEG from its start of scan on; a HEIC's first mdat box (its picture, with the
     * camera's Exif block and the rest of its data), wherever the larger meta box moved it.
     */
    private static byte[] picture(Path file) throws Exception {
        byte[] data = Files.readAllBytes(file);
        if (new String(data, 4, 8, StandardCharsets.ISO_8859_1).equals("ftypheic")) {
            int at = 0;
            while (at + 8 <= data.length) {
                int size = ByteBuffer.wrap(data).getInt(at);
                if (new String(data, at + 4, 4, StandardCharsets.ISO_8859_1).equals("mdat")) {
                    return Arrays.copyOfRange(data, at, at + size);
                }
                at += size;
            }
            throw new AssertionError(file + " has no mdat");
        }
        return Jpegs.fromStartOfScan(data);
    }

    /** How many top-level mdat boxes the HEIC has. */
    private static int mdats(Path file) throws Exception {
        byte[] data = Files.readAllBytes(file);
        int at = 0;
        int count = 0;
        while (at + 8 <= data.length) {
            count += new String(data, at + 4, 4, StandardCharsets.ISO_8859_1).equals("mdat") ? 1 : 0;
            at += ByteBuffer.wrap(data).getInt(at);
        }
        return count;
    }
}
