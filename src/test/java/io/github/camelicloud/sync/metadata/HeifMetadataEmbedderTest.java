package io.github.camelicloud.sync.metadata;

import static io.github.camelicloud.sync.metadata.MetadataEmbedderTest.metadata;
import static io.github.camelicloud.testing.Exiftool.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import io.github.camelicloud.testing.Jpegs;
import io.github.camelicloud.testing.Exiftool;
import io.github.camelicloud.testing.Libheif;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HEIC files made by libheif's heif-enc, embedded, read back by exiftool and decoded again by libheif: the values must
 * be there, the pixels the same, a rerun must not add items, and a damaged or hostile file must fail cleanly and stay
 * as it was.
 */
class HeifMetadataEmbedderTest {

    private static final AssetMetadata FULL = metadata(Optional.of("Zürich sunset"), List.of("lake", "Émile & <Co>"),
            47.376887, 8.541694, 408.5, true);

    private final MetadataEmbedder embedder = new MetadataEmbedder();

    @TempDir
    Path dir;

    @BeforeEach
    void libheif() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Libheif.installed(), Libheif.MISSING);
    }

    @Test
    void aHeicGetsEveryValueAndKeepsItsPixels() throws Exception {
        Path file = heicFromPng("IMG_0001.HEIC");
        FileTime modified = FileTime.from(Instant.parse("2024-05-06T07:08:09Z"));
        Files.setLastModifiedTime(file, modified);
        int[] before = Libheif.pixels(file);

        assertThat(embedder.embed(file, FULL)).isEqualTo(MetadataEmbedder.Outcome.EMBEDDED);

        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
        assertThat(tags.path("XMP-dc:Description").asText()).isEqualTo("A long description");
        assertThat(texts(tags.path("XMP-dc:Subject"))).containsExactly("lake", "Émile & <Co>");
        assertThat(tags.path("XMP-xmp:Rating").asInt()).isEqualTo(5);
        assertThat(tags.path("GPS:GPSLatitude").asDouble()).isCloseTo(47.376887, within(1e-5));
        assertThat(tags.path("GPS:GPSLongitude").asDouble()).isCloseTo(8.541694, within(1e-5));
        assertThat(tags.path("GPS:GPSAltitude").asDouble()).isCloseTo(408.5, within(1e-3));
        assertThat(tags.path("ExifIFD:DateTimeOriginal").asText()).isEqualTo("2024:05:06 09:08:09");
        assertThat(tags.path("ExifIFD:CreateDate").asText()).isEqualTo("2024:05:06 09:08:09");
        assertThat(tags.path("ExifIFD:OffsetTimeOriginal").asText()).isEqualTo("+02:00");
        assertThat(tags.path("Warning").isMissingNode()).as("exiftool warnings: %s", tags.path("Warning")).isTrue();
        assertThat(Libheif.pixels(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(items(file, "Exif")).isEqualTo(1);
        assertThat(items(file, "mime")).isEqualTo(1);
    }

    @Test
    void aHeicWithAThumbnailKeepsBothPictures() throws Exception {
        Path png = dir.resolve("thumb.png");
        BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(5);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ImageIO.write(image, "png", png.toFile());
        Path file = Libheif.encode(png, dir.resolve("IMG_0006.HEIC"), "-t", "32");
        byte[] original = Files.readAllBytes(file);
        assertThat(indexOf(original, "thmb")).isPositive();
        int[] before = Libheif.pixels(file);

        embedder.embed(file, FULL);

        assertThat(Libheif.pixels(file)).isEqualTo(before);
        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
        assertThat(tags.path("ExifIFD:DateTimeOriginal").asText()).isEqualTo("2024:05:06 09:08:09");
        byte[] after = Files.readAllBytes(file);
        assertThat(indexOf(after, "thmb")).isPositive();
        int mdat = indexOf(original, "mdat") - 4;
        int size = ByteBuffer.wrap(original).getInt(mdat);
        byte[] data = Arrays.copyOfRange(original, mdat, mdat + size);
        int moved = indexOf(after, "mdat") - 4;
        assertThat(Arrays.copyOfRange(after, moved, moved + size)).as("the picture and thumbnail data, whole")
                .isEqualTo(data);
    }

    @Test
    void aRerunReplacesItsItemsInsteadOfAddingMore() throws Exception {
        Path file = heicFromPng("IMG_0002.HEIC");
        int[] before = Libheif.pixels(file);
        embedder.embed(file, FULL);
        byte[] once = Files.readAllBytes(file);

        embedder.embed(file, FULL);
        assertThat(Files.readAllBytes(file)).isEqualTo(once);

        AssetMetadata changed = metadata(Optional.of("Renamed"), List.of("one"), -33.8688, 151.2093, -2.0, false);
        embedder.embed(file, changed);
        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo("Renamed");
        assertThat(texts(tags.path("XMP-dc:Subject"))).containsExactly("one");
        assertThat(tags.path("GPS:GPSLatitude").asDouble()).isCloseTo(33.8688, within(1e-5));
        assertThat(tags.path("GPS:GPSLatitudeRef").asText()).isEqualTo("S");
        assertThat(tags.path("XMP-xmp:Rating").isMissingNode()).isTrue();
        assertThat(items(file, "Exif")).isEqualTo(1);
        assertThat(items(file, "mime")).isEqualTo(1);
        assertThat(Files.size(file)).isLessThan(once.length + 200L);
        assertThat(Libheif.pixels(file)).isEqualTo(before);
    }

    @Test
    void anXmpItemDescribingAnotherItemIsLeftAlone() throws Exception {
        Path file = heicFromPng("IMG_0004.HEIC");
        embedder.embed(file, FULL);
        byte[] once = Files.readAllBytes(file);
        // the XMP item (the second cdsc) now describes item 1 (a grid tile, like an HDR gain map's XMP), not the picture
        int xmpReference = indexOf(once, "cdsc", indexOf(once, "cdsc") + 4) - 4;
        ByteBuffer.wrap(once).putShort(xmpReference + 12, (short) 1);
        Files.write(file, once);

        embedder.embed(file, metadata(Optional.of("Second"), List.of(), 1.0, 2.0, 3.0, false));

        assertThat(items(file, "mime")).isEqualTo(2);
        assertThat(Exiftool.read(file).path("XMP-dc:Title").asText()).contains("Second");
        byte[] after = Files.readAllBytes(file);
        assertThat(indexOf(after, "Zürich sunset")).as("the tile's XMP, as it was").isPositive();
    }

    @Test
    void aTrailingMdatNoItemPointsIntoIsKept() throws Exception {
        byte[] heic = Files.readAllBytes(heicFromPng("trailing.heic"));
        byte[] extra = box("mdat", "not ours".getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve("trailing-mdat.heic");
        Files.write(file, concat(heic, extra));

        embedder.embed(file, FULL);
        embedder.embed(file, FULL);

        assertThat(indexOf(Files.readAllBytes(file), "not ours")).isPositive();
        assertThat(Exiftool.read(file).path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
    }

    @Test
    void theCamerasExifItemIsUpdatedNotDuplicated() throws Exception {
        Path file = Libheif.encode(Jpegs.camera(dir.resolve("camera.jpg")), dir.resolve("IMG_0003.HEIC"));
        assertThat(Exiftool.read(file).path("IFD0:Make").asText()).isEqualTo("Apple");
        assertThat(items(file, "Exif")).isEqualTo(1);
        int[] before = Libheif.pixels(file);

        embedder.embed(file, FULL);

        JsonNode tags = Exiftool.read(file);
        assertThat(tags.path("IFD0:Make").asText()).isEqualTo("Apple");
        assertThat(tags.path("ExifIFD:DateTimeOriginal").asText()).isEqualTo("2024:05:06 09:08:09");
        assertThat(tags.path("GPS:GPSLatitude").asDouble()).isCloseTo(47.376887, within(1e-5));
        assertThat(tags.path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
        assertThat(items(file, "Exif")).isEqualTo(1);
        assertThat(Libheif.pixels(file)).isEqualTo(before);
    }

    @Test
    void aMoovsChunkOffsetsMoveWithTheMediaData() throws Exception {
        byte[] heic = Files.readAllBytes(heicFromPng("seq.heic"));
        int mdat = indexOf(heic, "mdat") - 4;
        // a track (after the picture's mdat) whose chunks are in that mdat, in an stco and a co64 table, and one
        // chunk before the meta box
        long inMdat = mdat + 8 + 10;
        byte[] stbl = box("stbl", fullBox("stco", ByteBuffer.allocate(12).putInt(2).putInt((int) inMdat).putInt(3)
                .array()), fullBox("co64", ByteBuffer.allocate(12).putInt(1).putLong(inMdat + 5).array()));
        byte[] moov = box("moov", box("trak", box("mdia", box("minf", stbl))));
        Path file = dir.resolve("seq-moov.heic");
        Files.write(file, concat(heic, moov));
        byte[] at = Arrays.copyOfRange(heic, (int) inMdat, (int) inMdat + 16);

        embedder.embed(file, FULL);

        byte[] after = Files.readAllBytes(file);
        int stco = indexOf(after, "stco") - 4;
        int co64 = indexOf(after, "co64") - 4;
        ByteBuffer b = ByteBuffer.wrap(after);
        long moved = b.getInt(stco + 16) & 0xFFFFFFFFL;
        assertThat(Arrays.copyOfRange(after, (int) moved, (int) moved + 16)).isEqualTo(at);
        assertThat(b.getInt(stco + 20)).as("a chunk before the meta box stays").isEqualTo(3);
        assertThat(b.getLong(co64 + 16)).isEqualTo(moved + 5);
        assertThat(Exiftool.read(file).path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
    }

    @Test
    void damagedOrHostileFilesFailCleanlyAndStayAsTheyWere() throws Exception {
        byte[] good = Files.readAllBytes(heicFromPng("good.heic"));
        int meta = indexOf(good, "meta") - 4;
        int mdat = indexOf(good, "mdat") - 4;
        int iinf = indexOf(good, "iinf") - 4;
        int iloc = indexOf(good, "iloc") - 4;
        int pitm = indexOf(good, "pitm") - 4;
        int hdlr = indexOf(good, "hdlr") - 4;
        List<Hostile> cases = List.of(
                new Hostile("cut inside the media data", f -> Arrays.copyOf(f, f.length - 100), "size"),
                new Hostile("cut inside the meta box", f -> Arrays.copyOf(f, meta + 100), "size"),
                new Hostile("meta box larger than the file", f -> putInt(f, meta, 0x7FFFFFF0), "size"),
                new Hostile("64-bit mdat size past the end", f -> concat(Arrays.copyOf(f, mdat), ByteBuffer.allocate(16)
                        .putInt(1).put(ascii("mdat")).putLong(1L << 62).array(), Arrays.copyOfRange(f, mdat + 8,
                        f.length)), "size"),
                new Hostile("no meta box", f -> put(f, meta + 4, ascii("free")), "no 'meta' box"),
                new Hostile("2^16-1 item infos", f -> putShort(f, iinf + 12, 0xFFFF), "cannot fit"),
                new Hostile("2^16-1 item locations", f -> putShort(f, iloc + 14, 0xFFFF), "cannot fit"),
                new Hostile("item data past the end", f -> putInt(f, iloc + 28, 0x7FFFFF00), "past the end"),
                new Hostile("iloc field size of 3 bytes", f -> put(f, iloc + 12, new byte[] {0x34}), "field size"),
                new Hostile("primary item not described", f -> putShort(f, pitm + 12, 999), "primary item"),
                new Hostile("not a picture handler", f -> put(f, hdlr + 16, ascii("vide")), "handler"),
                new Hostile("child box larger than the meta box", f -> putInt(f, iinf, 0x10000), "size"),
                new Hostile("stray bytes at the end", f -> concat(f, new byte[5]), "stray"),
                new Hostile("bogus 64-bit size inside meta", f -> putInt(f, iinf, 1), "size"),
                new Hostile("fragmented sequence", f -> concat(f, box("moof", new byte[8])), "fragmented"),
                new Hostile("moov nested a million deep", f -> concat(f, deepMoov(1_000_000)), "nested"),
                new Hostile("2^32-1 chunk offsets", f -> concat(f, box("moov", box("trak", fullBox("stco",
                        ByteBuffer.allocate(8).putInt(-1).putInt(0).array())))), "cannot fit"));
        for (Hostile c : cases) {
            Path file = dir.resolve("hostile").resolve(c.name().replace(' ', '_') + ".heic");
            Files.createDirectories(file.getParent());
            byte[] bytes = c.damage().apply(good.clone());
            Files.write(file, bytes);
            assertThatThrownBy(() -> embedder.embed(file, FULL)).as(c.name()).isInstanceOf(IOException.class)
                    .hasMessageContaining(c.message());
            assertThat(Files.readAllBytes(file)).as(c.name()).isEqualTo(bytes);
            try (Stream<Path> left = Files.list(file.getParent())) {
                assertThat(left).as(c.name()).containsExactly(file);
            }
            Files.delete(file);
        }
    }

    @Test
    void aLoopInTheReferencesIsNotFollowed() throws Exception {
        byte[] good = Files.readAllBytes(heicFromPng("loop.heic"));
        int dimg = indexOf(good, "dimg") - 4;
        // dimg from 2 to 1 becomes from 2 to 2: a derived picture made of itself
        byte[] looped = good.clone();
        ByteBuffer.wrap(looped).putShort(dimg + 12, (short) 2);
        Path file = dir.resolve("loop.heic");
        Files.write(file, looped);

        assertThat(embedder.embed(file, FULL)).isEqualTo(MetadataEmbedder.Outcome.EMBEDDED);
        assertThat(Exiftool.read(file).path("XMP-dc:Title").asText()).isEqualTo("Zürich sunset");
    }

    /** A moov of {@code depth} nested trak boxes, built from the inside out. */
    private static byte[] deepMoov(int depth) {
        int size = 8 * (depth + 1);
        ByteBuffer b = ByteBuffer.allocate(size);
        for (int level = 0; level <= depth; level++) {
            b.putInt(size - 8 * level).put(ascii(level == 0 ? "moov" : "trak"));
        }
        return b.array();
    }

    private record Hostile(String name, UnaryOperator<byte[]> damage, String message) {
    }

    /** How many items of this type the file's iinf describes. */
    private static int items(Path file, String type) throws IOException {
        byte[] f = Files.readAllBytes(file);
        int meta = indexOf(f, "meta") - 4;
        int size = ByteBuffer.wrap(f).getInt(meta);
        HeifMeta parsed = HeifMeta.parse(new BoxData(f, meta + 8, size - 8, "meta"));
        return (int) parsed.infos().values().stream().filter(i -> i.type().equals(type)).count();
    }

    private Path heicFromPng(String name) throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(11);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        Path png = dir.resolve(name + ".png");
        ImageIO.write(image, "png", png.toFile());
        Path heic = Libheif.encode(png, dir.resolve(name));
        Files.delete(png);
        return heic;
    }

    private static int indexOf(byte[] file, String type) {
        return indexOf(file, type, 4);
    }

    private static int indexOf(byte[] file, String type, int from) {
        byte[] t = type.getBytes(StandardCharsets.UTF_8);
        for (int i = from; i + t.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + t.length, t, 0, t.length)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " in the file");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] put(byte[] f, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, f, at, bytes.length);
        return f;
    }

    private static byte[] putInt(byte[] f, int at, int value) {
        ByteBuffer.wrap(f).putInt(at, value);
        return f;
    }

    private static byte[] putShort(byte[] f, int at, int value) {
        ByteBuffer.wrap(f).putShort(at, (short) value);
        return f;
    }

    private static byte[] box(String type, byte[]... children) {
        byte[] payload = concat(children);
        return concat(ByteBuffer.allocate(8).putInt(8 + payload.length).put(ascii(type)).array(), payload);
    }

    private static byte[] fullBox(String type, byte[] payload) {
        return box(type, new byte[4], payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
