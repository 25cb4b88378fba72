package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.Exiftool;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --embed-metadata --xmp-sidecar}: a caption and a favourite changed in iCloud (same
 * bytes, a new CPLAsset in {@code changes/zone}) reach the delivered JPEG and its sidecar on the next run, incremental
 * and full, without downloading the photo again; its picture data stays byte for byte the same.
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
        LibraryManifest.Asset asset = plainJpeg();
        Path file = folder.resolve(asset.fileName());
        byte[] picture = picture(file);

        apple.get().annotateAsset(USER, asset.id(), "Changed in Photos", true);
        apple.get().resetRequestCounts();
        JarProcess.Result incremental = sync(folder);
        assertThat(apple.get().requestCounts()).as("an incremental run").containsKey(
                "POST /database/1/com.apple.photos.cloud/production/private/changes/zone");
        assertUpdated(incremental, file, picture, "Changed in Photos", 5);

        apple.get().annotateAsset(USER, asset.id(), "Changed again", false);
        apple.get().resetRequestCounts();
        JarProcess.Result full = sync(folder, "--no-incremental");
        assertUpdated(full, file, picture, "Changed again", 0);

        apple.get().resetRequestCounts();
        JarProcess.Result unchanged = sync(folder);
        assertThat(unchanged.output()).as("nothing changed since").doesNotContain("Updated the metadata of");
        assertThat(first.output()).doesNotContain("Updated the metadata of");
    }

    private static void assertUpdated(JarProcess.Result run, Path file, byte[] picture, String caption, int rating)
            throws Exception {
        assertThat(run.output()).contains("Updated the metadata of " + file.getParent() + "/" + file.getFileName())
                .contains("(1 with updated metadata)");
        assertThat(apple.get().requestCounts().getOrDefault("GET /B/*", 0L)).as("downloads").isZero();
        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo(caption);
        assertThat(tags.path("XMP-xmp:Rating").asInt(0)).isEqualTo(rating);
        assertThat(picture(file)).as("the compressed picture").isEqualTo(picture);
        String sidecar = Files.readString(file.resolveSibling(file.getFileName() + ".xmp"), StandardCharsets.UTF_8);
        assertThat(sidecar).contains(caption);
    }

    /** A visible JPEG of the primary library, no favourite, whose name no other asset has. */
    private static LibraryManifest.Asset plainJpeg() {
        List<LibraryManifest.Asset> assets = apple.get().manifest(USER).assets();
        Map<String, Long> names = assets.stream().filter(a -> a.fileName() != null)
                .collect(Collectors.groupingBy(LibraryManifest.Asset::fileName, Collectors.counting()));
        return assets.stream().filter(a -> "public.jpeg".equals(a.itemType()) && !a.hidden() && !a.deleted()
                && !a.favorite() && a.zone().equals("PrimarySync") && names.get(a.fileName()) == 1)
                .findFirst().orElseThrow(() -> new AssertionError("no plain JPEG in the generated library"));
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

    /** From the JPEG's start of scan on: the compressed picture, which metadata never touches. */
    private static byte[] picture(Path file) throws Exception {
        byte[] data = Files.readAllBytes(file);
        for (int i = 0; i + 1 < data.length; i++) {
            if ((data[i] & 0xFF) == 0xFF && (data[i + 1] & 0xFF) == 0xDA) {
                return Arrays.copyOfRange(data, i, data.length);
            }
        }
        throw new AssertionError(file + " has no start of scan");
    }
}
