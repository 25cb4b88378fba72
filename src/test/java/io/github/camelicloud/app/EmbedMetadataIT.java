package io.github.camelicloud.app;

import static io.github.camelicloud.testing.Exiftool.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.Exiftool;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.Libheif;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --embed-metadata}: every JPEG, HEIC and movie of a simulator library carries the caption,
 * keywords, favourite (rating), capture date and location its CloudKit records hold, as exiftool reads them, and its
 * picture or media data is byte for byte that of a plain download (a HEIC's decodes to the same pixels too). Other
 * formats are left as downloaded.
 */
class EmbedMetadataIT {

    private static final String USER = "jar-embed@example.com";
    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(40).seed(33).videoSize(150_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void writesICloudsMetadataIntoJpegsHeicsAndMoviesWithoutTouchingTheirData() throws Exception {
        Path plain = sync("plain");
        Path embedded = sync("embedded", "--embed-metadata", "--xmp-sidecar");

        LibraryManifest manifest = apple.get().manifest(USER);
        Map<String, List<LibraryManifest.Asset>> byName = manifest.assets().stream()
                .filter(a -> a.fileName() != null).collect(Collectors.groupingBy(LibraryManifest.Asset::fileName));
        int jpegs = 0;
        int movies = 0;
        int heics = 0;
        int captions = 0;
        int keywords = 0;
        int places = 0;
        int favourites = 0;
        for (Path file : ManifestFiles.files(embedded)) {
            String name = file.getFileName().toString();
            List<LibraryManifest.Asset> named = byName.get(name);
            if (name.endsWith(".xmp") || named == null || named.size() != 1) {
                continue; // sidecars, live-photo videos (named after their photo), and names shared by two assets
            }
            LibraryManifest.Asset asset = named.get(0);
            byte[] before = Files.readAllBytes(plain.resolve(embedded.relativize(file)));
            byte[] after = Files.readAllBytes(file);
            String kind = kind(before);
            if (kind.equals("other")) {
                assertThat(after).as(name + ": not a format --embed-metadata writes, left as downloaded")
                        .isEqualTo(before);
                continue;
            }
            JsonNode tags = Exiftool.read(file);
            assertThat(tags.has("ExifTool:Warning")).as(name + ": " + tags.path("ExifTool:Warning").asText()).isFalse();
            if (kind.equals("jpeg")) {
                jpegs++;
                assertThat(from(after, SOS)).as(name + ": the compressed picture").isEqualTo(from(before, SOS));
                assertThat(tags.path("ExifIFD:DateTimeOriginal").asText()).as(name).isEqualTo(EXIF_DATE.format(
                        asset.assetDate().atOffset(ZoneOffset.ofTotalSeconds(asset.timeZoneOffset()))));
            } else if (kind.equals("heic")) {
                heics++;
                int mdat = indexOf(before, MDAT) - 4;
                int moved = indexOf(after, Arrays.copyOfRange(before, mdat, mdat + 64));
                assertThat(Arrays.equals(before, mdat, before.length, after, moved, moved + before.length - mdat))
                        .as(name + ": the picture's mdat, whole, after the larger meta box").isTrue();
                assertThat(tags.path("ExifIFD:DateTimeOriginal").asText()).as(name).isEqualTo(EXIF_DATE.format(
                        asset.assetDate().atOffset(ZoneOffset.ofTotalSeconds(asset.timeZoneOffset()))));
                if (Libheif.installed()) {
                    assertThat(Libheif.pixels(file)).as(name + ": decoded")
                            .isEqualTo(Libheif.pixels(plain.resolve(embedded.relativize(file))));
                }
            } else {
                movies++;
                int mdat = indexOf(before, MDAT);
                assertThat(Arrays.equals(before, mdat, before.length, after, mdat, before.length))
                        .as(name + ": the media data, at its old offset").isTrue();
            }
            if (asset.caption() != null) {
                captions++;
                assertThat(tags.path("XMP-dc:Title").asText()).as(name).isEqualTo(asset.caption());
            }
            if (asset.description() != null) {
                assertThat(tags.path("XMP-dc:Description").asText()).as(name).isEqualTo(asset.description());
            }
            if (!asset.keywords().isEmpty()) {
                keywords++;
                assertThat(texts(tags.path("XMP-dc:Subject"))).as(name).isEqualTo(asset.keywords());
            }
            if (asset.favorite()) {
                favourites++;
                assertThat(tags.path("XMP-xmp:Rating").asInt()).as(name).isEqualTo(5);
            } else {
                assertThat(tags.has("XMP-xmp:Rating")).as(name).isFalse();
            }
            if (asset.location() != null) {
                places++;
                String group = "Composite"; // signed degrees, from EXIF with its N/S/E/W references or from XMP
                assertThat(tags.path(group + ":GPSLatitude").asDouble()).as(name)
                        .isCloseTo(asset.location().latitude(), within(1e-5));
                assertThat(tags.path(group + ":GPSLongitude").asDouble()).as(name)
                        .isCloseTo(asset.location().longitude(), within(1e-5));
                assertThat(tags.path(group + ":GPSAltitude").asDouble()).as(name)
                        .isCloseTo(asset.location().altitude(), within(1e-2));
            } else {
                assertThat(tags.has("Composite:GPSLatitude")).as(name).isFalse();
            }
        }
        assertThat(List.of(jpegs, movies, heics, captions, keywords, places, favourites))
                .as("jpegs, movies, heics, captions, keywords, places, favourites seen").allMatch(n -> n > 0);
    }

    private static Path sync(String name, String... extra) throws Exception {
        Path folder = work.resolve(name);
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-" + name).toString(), "--directory",
                folder.toString(), "--folder-structure", "none", "--no-progress-bar"));
        args.addAll(List.of(extra));
        JarProcess.Result run = JarProcess.jar(work, args.toArray(String[]::new)).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("Error embedding");
        return folder;
    }

    private static final byte[] SOS = {(byte) 0xFF, (byte) 0xDA};
    private static final byte[] MDAT = "mdat".getBytes(StandardCharsets.ISO_8859_1);

    private static String kind(byte[] head) {
        if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            return "jpeg";
        }
        String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
        boolean ftyp = new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp");
        if (ftyp && (brand.equals("heic") || brand.equals("mif1"))) {
            return "heic";
        }
        return ftyp && (brand.equals("qt  ") || brand.startsWith("mp4") || brand.startsWith("iso")) ? "movie" : "other";
    }

    private static byte[] from(byte[] data, byte[] marker) {
        return Arrays.copyOfRange(data, indexOf(data, marker), data.length);
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("marker not found");
    }

}
