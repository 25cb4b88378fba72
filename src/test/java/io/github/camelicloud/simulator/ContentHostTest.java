package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.PhotosClient.Download;
import io.github.camelicloud.simulator.PhotosClient.Pair;
import io.github.camelicloud.testing.Libheif;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Downloads from the simulated content host: bytes, ranges, expiry, and what the generated files contain. */
class ContentHostTest {

    private static final String DISPOSITION = "attachment; filename=\"%24%7Bf%7D\"; filename*=UTF-8''%24%7Bf%7D";

    private static PhotosClient photos;
    private static LibraryManifest manifest;
    private static Map<String, Pair> pairs;

    @BeforeAll
    static void start() {
        photos = TestLibrary.photos(TestLibrary.READER);
        manifest = TestLibrary.manifest(TestLibrary.READER);
        pairs = listEverything(photos, manifest);
    }

    /** Every asset of both zones by master id, hidden and deleted ones included. */
    static Map<String, Pair> listEverything(PhotosClient photos, LibraryManifest manifest) {
        Map<String, Pair> all = new LinkedHashMap<>();
        for (String type : List.of(PhotosClient.ALL_PHOTOS, PhotosClient.HIDDEN, PhotosClient.DELETED)) {
            photos.listAll("private", type, PhotosClient.PRIMARY, 200).forEach(p -> all.put(p.id(), p));
        }
        photos.listAll("shared", PhotosClient.ALL_PHOTOS, manifest.libraries().get(1).zone(), 200)
                .forEach(p -> all.put(p.id(), p));
        return all;
    }

    @Test
    void everyKindOfVersionDownloadsToTheManifestHash() {
        Map<String, LibraryManifest.Asset> samples = new LinkedHashMap<>();
        for (LibraryManifest.Asset asset : manifest.assets()) {
            asset.versions().keySet().forEach(prefix -> samples.putIfAbsent(prefix, asset));
            samples.putIfAbsent("type:" + asset.itemType(), asset);
            samples.putIfAbsent("zone:" + asset.zone(), asset);
        }
        assertThat(samples).containsKeys("resOriginal", "resJPEGMed", "resJPEGThumb", "resJPEGFull", "resOriginalAlt",
                "resOriginalVidCompl", "resVidMed", "resVidSmall", "type:public.heic", "type:com.adobe.raw-image");
        int checked = 0;
        for (Map.Entry<String, LibraryManifest.Asset> sample : samples.entrySet()) {
            LibraryManifest.Asset asset = sample.getValue();
            String prefix = sample.getKey().contains(":") ? "resOriginal" : sample.getKey();
            LibraryManifest.Version expected = asset.versions().get(prefix);
            JsonNode res = pairs.get(asset.id()).field(prefix + "Res").get("value");
            assertThat(res.get("fileChecksum").asText()).isEqualTo(expected.fileChecksum());
            assertThat(res.get("size").asLong()).isEqualTo(expected.size());
            assertThat(pairs.get(asset.id()).field(prefix + "FileType").get("value").asText())
                    .isEqualTo(expected.fileType());
            Download download = PhotosClient.download(res.get("downloadURL").asText(), "bytes=0-", 0);
            assertThat(download.status()).as(sample.getKey()).isIn(200, 206);
            assertThat(download.length()).isEqualTo(expected.size());
            assertThat(download.sha256()).as(sample.getKey()).isEqualTo(expected.sha256());
            assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(download.header("Accept-Ranges")).isEqualTo("bytes");
            assertThat(download.header("Access-Control-Allow-Origin")).isEqualTo("https://www.icloud.com");
            assertThat(download.header("Content-Disposition")).isEqualTo(DISPOSITION);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(14);
    }

    @Test
    void rangeRequestsResumeWith206AndTheRightTail() {
        String url = url(a -> a.itemType().equals("public.jpeg") && a.zone().equals("PrimarySync"), "resOriginal");
        Download full = PhotosClient.download(url, null);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.header("Content-Range")).isNull();
        byte[] bytes = full.bytes();
        int size = bytes.length;
        int offset = size / 3;
        Download tail = PhotosClient.download(url, "bytes=" + offset + "-");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.header("Content-Range")).isEqualTo("bytes " + offset + "-" + (size - 1) + "/" + size);
        assertThat(tail.header("Content-Length")).isEqualTo(String.valueOf(size - offset));
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(bytes, offset, size));
        Download middle = PhotosClient.download(url, "bytes=10-99");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.bytes()).isEqualTo(Arrays.copyOfRange(bytes, 10, 100));
        assertThat(PhotosClient.download(url, "bytes=-100").bytes()).isEqualTo(Arrays.copyOfRange(bytes, size - 100,
                size));
        Download past = PhotosClient.download(url, "bytes=" + size + "-");
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.header("Content-Range")).isEqualTo("bytes */" + size);
    }

    @Test
    void expiredUrlsAnswer410AndTamperedOnes403() {
        String url = url(a -> a.zone().equals("PrimarySync"), "resJPEGThumb");
        long expiry = Long.parseLong(url.replaceAll(".*[?&]e=(\\d+).*", "$1"));
        assertThat(expiry - TestLibrary.simulator().clock().instant().getEpochSecond()).isBetween(3500L, 3600L);
        assertThat(PhotosClient.download(url, null).status()).isEqualTo(200);
        assertThat(PhotosClient.download(url.replace("&e=" + expiry, "&e=" + (expiry + 86_400)), null).status())
                .isEqualTo(403);
        assertThat(PhotosClient.download(url.replaceAll("/B/[^/]+/", "/B/AAAA/"), null).status()).isEqualTo(403);
        TestLibrary.simulator().advanceClock(Duration.ofMinutes(61));
        assertThat(PhotosClient.download(url, "bytes=0-").status()).isEqualTo(410);
        String fresh = listAgain(url);
        assertThat(fresh).isNotEqualTo(url);
        assertThat(PhotosClient.download(fresh, null).status()).isEqualTo(200);
    }

    @Test
    void generatedFilesAreRealImagesWithTheAssetDateInTheirExif() throws IOException {
        for (String type : List.of("public.jpeg", "public.png", "public.heic", "com.canon.cr2-raw-image")) {
            LibraryManifest.Asset asset = manifest.assets().stream().filter(a -> a.itemType().equals(type))
                    .findFirst().orElseThrow();
            byte[] bytes = PhotosClient.download(url(asset, "resOriginal"), null, 16 << 20).bytes();
            String expected = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").format(LocalDateTime.ofInstant(
                    asset.assetDate(), ZoneOffset.ofTotalSeconds(asset.timeZoneOffset())));
            assertThat(exifTag(bytes, type, 0x9003)).as(type).isEqualTo(expected);
            String offset = ZoneOffset.ofTotalSeconds(asset.timeZoneOffset()).getId();
            assertThat(exifTag(bytes, type, 0x9011)).isEqualTo(offset.equals("Z") ? "+00:00" : offset);
            if (!type.equals("public.heic") && !type.startsWith("com.canon")) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(image).as(type).isNotNull();
                assertThat(image.getWidth()).isGreaterThan(15);
            }
            if (type.equals("public.heic") && Libheif.installed()) { // a real HEIF: libheif decodes its picture
                Path file = Files.createTempFile("simulator", ".heic");
                try {
                    Files.write(file, bytes);
                    assertThat(Libheif.pixels(file)).hasSize(64 * 64);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                } finally {
                    Files.delete(file);
                }
            }
        }
        byte[] heic = PhotosClient.download(url(a -> a.itemType().equals("public.heic"), "resOriginal"), "bytes=0-31")
                .bytes();
        assertThat(new String(heic, 4, 8, StandardCharsets.US_ASCII)).isEqualTo("ftypheic");
        byte[] mov = PhotosClient.download(url(a -> a.smartAlbums().contains("VIDEO"), "resOriginal"), "bytes=0-31")
                .bytes();
        assertThat(new String(mov, 4, 8, StandardCharsets.US_ASCII)).isEqualTo("ftypqt  ");
        byte[] mp4 = PhotosClient.download(url(a -> a.smartAlbums().contains("VIDEO"), "resVidMed"), "bytes=0-31")
                .bytes();
        assertThat(new String(mp4, 4, 8, StandardCharsets.US_ASCII)).isEqualTo("ftypmp42");
        byte[] jpegMedium = PhotosClient.download(url(a -> a.itemType().equals("public.heic"), "resJPEGMed"), null)
                .bytes();
        assertThat(ImageIO.read(new ByteArrayInputStream(jpegMedium))).isNotNull();
    }

    @Test
    void aHugeVideoStreamsFromAnyOffsetWithoutBeingBuilt() {
        long gib = 1L << 30;
        try (ICloudSimulator big = ICloudSimulator.builder().srpIterations(1000).assets(16).videoSize(3 * gib)
                .account(TestLibrary.READER + ":" + TestLibrary.PASSWORD).build().start()) {
            PhotosClient client = new PhotosClient(big, TestLibrary.READER, TestLibrary.PASSWORD);
            Pair video = client.listAll("private", PhotosClient.SMART, PhotosClient.PRIMARY, 200, "smartAlbum",
                    "VIDEO").get(0);
            JsonNode res = video.master().at("/fields/resOriginalRes/value");
            assertThat(res.get("size").asLong()).isEqualTo(3 * gib);
            String url = res.get("downloadURL").asText();
            long offset = 2_900_000_000L + 12_345;
            long length = 64L << 20;
            Runtime runtime = Runtime.getRuntime();
            Download window = PhotosClient.download(url, "bytes=" + offset + "-" + (offset + length - 1), 0);
            assertThat(window.status()).isEqualTo(206);
            assertThat(window.length()).isEqualTo(length);
            assertThat(window.header("Content-Range")).isEqualTo("bytes " + offset + "-" + (offset + length - 1) + "/"
                    + 3 * gib);
            // Same window again, and a slice of it on its own: random access gives the same bytes every time.
            assertThat(PhotosClient.download(url, "bytes=" + offset + "-" + (offset + length - 1), 0).sha256())
                    .isEqualTo(window.sha256());
            long sliceStart = offset + length - 1000;
            Download slice = PhotosClient.download(url, "bytes=" + sliceStart + "-" + (offset + length - 1));
            Download sliceAgain = PhotosClient.download(url, "bytes=" + (sliceStart - 24) + "-" + (offset + length
                    - 1));
            assertThat(Arrays.copyOfRange(sliceAgain.bytes(), 24, 1024)).isEqualTo(slice.bytes());
            Download end = PhotosClient.download(url, "bytes=" + (3 * gib - 10) + "-");
            assertThat(end.length()).isEqualTo(10);
            assertThat(end.header("Content-Range")).isEqualTo("bytes " + (3 * gib - 10) + "-" + (3 * gib - 1) + "/"
                    + 3 * gib);
            assertThat(runtime.totalMemory() - runtime.freeMemory()).as("heap in use").isLessThan(900L << 20);
        }
    }

    private static String url(Predicate<LibraryManifest.Asset> which, String prefix) {
        return url(manifest.assets().stream().filter(a -> a.versions().containsKey(prefix)).filter(which)
                .findFirst().orElseThrow(), prefix);
    }

    private static String url(LibraryManifest.Asset asset, String prefix) {
        return pairs.get(asset.id()).field(prefix + "Res").at("/value/downloadURL").asText();
    }

    /** The URL of the same version from a new listing. */
    private static String listAgain(String old) {
        String token = old.replaceAll(".*/B/([^/]+)/.*", "$1");
        for (Pair pair : listEverything(photos, manifest).values()) {
            List<JsonNode> fields = new ArrayList<>();
            pair.master().get("fields").forEach(fields::add);
            pair.asset().get("fields").forEach(fields::add);
            for (JsonNode field : fields) {
                String url = field.path("value").path("downloadURL").asText("");
                if (url.contains("/B/" + token + "/")) {
                    return url;
                }
            }
        }
        throw new AssertionError("version no longer listed");
    }

    /** An ASCII EXIF tag from the Exif sub-IFD, wherever the file keeps its TIFF block. */
    static String exifTag(byte[] file, String type, int tag) {
        int tiff;
        if (type.equals("public.png")) {
            tiff = indexOf(file, "eXIf".getBytes(StandardCharsets.US_ASCII)) + 4;
        } else if (type.endsWith("raw-image")) {
            tiff = 0;
        } else {
            // The Exif block proper ("Exif\0\0" then a TIFF byte order); HEIF also names its Exif item "Exif".
            tiff = indexOf(file, "Exif\0\0MM".getBytes(StandardCharsets.US_ASCII)) + 6;
        }
        ByteBuffer buffer = ByteBuffer.wrap(file, tiff, file.length - tiff).slice()
                .order(file[tiff] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int exifIfd = (int) entryValue(buffer, buffer.getInt(4), 0x8769);
        int count = buffer.getShort(exifIfd);
        for (int i = 0; i < count; i++) {
            int entry = exifIfd + 2 + 12 * i;
            if ((buffer.getShort(entry) & 0xFFFF) == tag) {
                int length = buffer.getInt(entry + 4);
                int at = length <= 4 ? entry + 8 : buffer.getInt(entry + 8);
                byte[] text = new byte[length - 1];
                buffer.get(at, text);
                return new String(text, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static long entryValue(ByteBuffer buffer, int ifd, int tag) {
        int count = buffer.getShort(ifd);
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((buffer.getShort(entry) & 0xFFFF) == tag) {
                return buffer.getInt(entry + 8) & 0xFFFFFFFFL;
            }
        }
        throw new AssertionError("no tag " + Integer.toHexString(tag));
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }
}
