package io.github.camelicloud.sync.metadata;

import static io.github.camelicloud.testing.Exiftool.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import io.github.camelicloud.testing.Jpegs;
import io.github.camelicloud.testing.Exiftool;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files made here, embedded, and read back by exiftool; the picture and movie data must not change by a byte. */
class MetadataEmbedderTest {

    private static final Instant TAKEN = Instant.parse("2024-05-06T07:08:09Z");
    private static final AssetMetadata FULL = metadata(Optional.of("Zürich sunset"), List.of("lake", "Émile & <Co>"),
            47.376887, 8.541694, 408.5, true);

    private final MetadataEmbedder embedder = new MetadataEmbedder();

    @TempDir
    Path dir;

    @Test
    void aJpegGetsEveryValueAndKeepsItsPictureAndItsExif() throws Exception {
        Path file = Jpegs.camera(dir.resolve("IMG_0001.JPG"));
        FileTime modified = FileTime.from(Instant.parse("2024-05-06T07:08:09Z"));
        Files.setLastModifiedTime(file, modified);
        byte[] before = Files.readAllBytes(file);
        assertThat(Exiftool.read(file).path("IFD0:Make").asText()).isEqualTo("Apple");

        assertThat(embedder.embed(file, FULL)).isEqualTo(MetadataEmbedder.Outcome.EMBEDDED);

        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
        assertThat(tags.path("XMP-dc:Description").asText()).isEqualTo("A long description");
        assertThat(texts(tags.path("XMP-dc:Subject"))).containsExactly("lake", "Émile & <Co>");
        assertThat(tags.path("XMP-xmp:Rating").asInt()).isEqualTo(5);
        assertThat(tags.path("GPS:GPSLatitude").asDouble()).isCloseTo(47.376887, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(tags.path("GPS:GPSLongitude").asDouble()).isCloseTo(8.541694, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(tags.path("GPS:GPSAltitude").asDouble()).isCloseTo(408.5, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(tags.path("ExifIFD:DateTimeOriginal").asText()).isEqualTo("2024:05:06 09:08:09");
        assertThat(tags.path("ExifIFD:OffsetTimeOriginal").asText()).isEqualTo("+02:00");
        assertThat(tags.path("XMP-xmp:CreateDate").asText()).isEqualTo("2024:05:06 09:08:09+02:00");
        assertThat(tags.path("IFD0:Make").asText()).as("the camera's EXIF is kept").isEqualTo("Apple");
        assertThat(tags.has("ExifTool:Warning")).as(tags.path("ExifTool:Warning").asText()).isFalse();
        assertThat(Jpegs.fromStartOfScan(Files.readAllBytes(file))).as("the compressed picture, byte for byte")
                .isEqualTo(Jpegs.fromStartOfScan(before));
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(ImageIO.read(file.toFile())).isNotNull();
    }

    @Test
    void embeddingTwiceReplacesRatherThanRepeats() throws Exception {
        Path file = Jpegs.camera(dir.resolve("IMG_0002.JPG"));
        embedder.embed(file, FULL);
        embedder.embed(file, metadata(Optional.of("Renamed"), List.of("one"), -33.4489, -70.6693, -12.5, false));

        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo("Renamed");
        assertThat(texts(tags.path("XMP-dc:Subject"))).containsExactly("one");
        assertThat(tags.has("XMP-xmp:Rating")).as("no longer a favourite").isFalse();
        assertThat(tags.path("Composite:GPSLatitude").asDouble()).isCloseTo(-33.4489, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(tags.path("Composite:GPSLongitude").asDouble()).isCloseTo(-70.6693, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(tags.path("Composite:GPSAltitude").asDouble()).as("below sea level").isEqualTo(-12.5);
        assertThat(tags.path("XMP-exif:GPSLongitude").asDouble()).isCloseTo(-70.6693, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aQuickTimeMovieGetsXmpAndLocationAndItsMediaDataStaysWhereItWas() throws Exception {
        byte[] mdat = noise(200_000);
        Path file = dir.resolve("IMG_0003.MOV");
        Files.write(file, concat(box("ftyp", "qt  \0\0\0\0qt  ".getBytes(StandardCharsets.ISO_8859_1)),
                box("moov", mvhd()), box("mdat", mdat)));
        long mdatAt = indexOf(Files.readAllBytes(file), "mdat".getBytes(StandardCharsets.ISO_8859_1));

        embedder.embed(file, FULL);

        byte[] after = Files.readAllBytes(file);
        assertThat(Arrays.copyOfRange(after, (int) mdatAt + 4, (int) mdatAt + 4 + mdat.length))
                .as("the media data at its old offset, so the sample tables stay right").isEqualTo(mdat);
        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
        assertThat(tags.path("XMP-dc:Subject").size()).isEqualTo(2);
        assertThat(tags.path("XMP-xmp:Rating").asInt()).isEqualTo(5);
        assertThat(tags.path("UserData:GPSCoordinates").asText()).startsWith("47.376887 8.541694 408.5");
        assertThat(tags.path("XMP-xmp:CreateDate").asText()).isEqualTo("2024:05:06 09:08:09+02:00");
        assertThat(tags.has("ExifTool:Warning")).as(tags.path("ExifTool:Warning").asText()).isFalse();

        embedder.embed(file, metadata(Optional.of("Again"), List.of(), 10, 20, 30, false));
        assertThat(Files.size(file)).as("a moov at the end is rewritten in place").isLessThan(after.length + 200);
        assertThat(Exiftool.read(file).path("XMP-dc:Title").asText()).isEqualTo("Again");
    }

    @Test
    void hostileValuesNeverCorruptTheFile() throws Exception {
        Path file = Jpegs.camera(dir.resolve("IMG_0004.JPG"));
        byte[] before = Files.readAllBytes(file);
        String huge = "caption ".repeat(40_000);
        AssetMetadata hostile = new AssetMetadata(Optional.of(huge), Optional.of("bell\u0007 nul\u0000 esc\u001b ok"),
                List.of("tab\there", "\u0001"), Optional.empty(), false, Optional.of(Double.NaN), Optional.of(200.0),
                Optional.of(Double.POSITIVE_INFINITY), Optional.empty(), Optional.empty(), Optional.of(TAKEN),
                ZoneOffset.UTC, false, true, false);

        embedder.embed(file, hostile);

        JsonNode tags = Exiftool.read(file);
        assertThat(tags.has("ExifTool:Warning")).as(tags.path("ExifTool:Warning").asText()).isFalse();
        assertThat(tags.has("XMP-dc:Title")).as("too long for the segment: left to the sidecar").isFalse();
        assertThat(tags.has("GPS:GPSLatitude")).as("no position from NaN").isFalse();
        assertThat(tags.path("XMP-xmp:Rating").asInt()).as("hidden: rejected").isEqualTo(-1);
        assertThat(Jpegs.fromStartOfScan(Files.readAllBytes(file))).isEqualTo(Jpegs.fromStartOfScan(before));

        embedder.embed(file, new AssetMetadata(Optional.empty(), Optional.of("bell\u0007 nul\u0000 ok"),
                List.of("tab\there", "\u0001"), Optional.empty(), false, Optional.of(91.0), Optional.of(0.0),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), ZoneOffset.UTC, false, false,
                false));
        tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Description").asText()).isEqualTo("bell nul ok");
        assertThat(texts(tags.path("XMP-dc:Subject"))).containsExactly("tab\there");
        assertThat(tags.has("GPS:GPSLatitude")).as("a latitude of 91 is nowhere").isFalse();
    }

    @Test
    void aDamagedFileIsLeftAsItWas() throws Exception {
        Path file = dir.resolve("broken.jpg");
        byte[] broken = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, 0x00, 1, 2, 3};
        Files.write(file, broken);
        assertThatThrownBy(() -> embedder.embed(file, FULL)).hasMessageContaining("JPEG");
        assertThat(Files.readAllBytes(file)).isEqualTo(broken);
        assertThat(dir.toFile().list()).as("no temporary file left").containsExactly("broken.jpg");

        Path movie = dir.resolve("cut.mov");
        byte[] cut = Arrays.copyOf(concat(box("ftyp", "qt  \0\0\0\0qt  ".getBytes(StandardCharsets.ISO_8859_1)),
                box("moov", mvhd()), box("mdat", noise(5000))), 3000); // cut inside its media data
        Files.write(movie, cut);
        assertThatThrownBy(() -> embedder.embed(movie, FULL)).hasMessageContaining("box");
        assertThat(Files.readAllBytes(movie)).isEqualTo(cut);

        Path heic = dir.resolve("IMG_0005.HEIC");
        byte[] heif = concat(box("ftyp", "heic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1)), box("mdat", noise(100)));
        Files.write(heic, heif);
        assertThatThrownBy(() -> embedder.embed(heic, FULL)).hasMessageContaining("no 'meta' box"); // HEIF, damaged
        assertThat(Files.readAllBytes(heic)).isEqualTo(heif);
    }


    static AssetMetadata metadata(Optional<String> title, List<String> keywords, double lat, double lon, double alt,
            boolean favourite) {
        return new AssetMetadata(title, title.map(t -> "A long description"), keywords, Optional.empty(), false,
                Optional.of(lat), Optional.of(lon), Optional.of(alt), Optional.empty(), Optional.empty(),
                Optional.of(TAKEN), ZoneOffset.ofHours(2), favourite, false, false);
    }

    private static byte[] mvhd() {
        ByteBuffer body = ByteBuffer.allocate(100);
        body.putInt(0).putInt(0).putInt(0).putInt(600).putInt(600).putInt(0x00010000).putShort((short) 0x0100);
        return box("mvhd", body.array());
    }

    private static byte[] box(String type, byte[] body) {
        return QuickTimeMetadataWriter.box(type, body);
    }

    private static byte[] noise(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
