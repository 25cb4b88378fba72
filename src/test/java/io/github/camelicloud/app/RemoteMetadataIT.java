package io.github.camelicloud.app;

import static io.github.camelicloud.testing.Exiftool.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.Exiftool;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.Jpegs;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --embed-metadata --xmp-sidecar} to S3 (S3Proxy) and SFTP (MINA SSHD), no folder: each
 * JPEG object carries the caption, keywords, favourite, date and location exiftool reads (picture data byte for byte
 * iCloud's), its record holds the SHA-256 of those bytes, and {@code KEY.xmp} lies next to it. A caption, keywords
 * and favourite changed in iCloud reach both objects and sidecars on the next run without one download; a damaged
 * JPEG fails the run at S3, SFTP and a folder alike (exit 1, each summary says so) and the next run retries its
 * metadata only. The Camel application's bundled routes do the same when application.properties sets
 * {@code icloud.embed-metadata}.
 */
class RemoteMetadataIT {

    private static final String USER = "jar-remotemeta@example.com";
    private static final String APP_USER = "app-remotemeta@example.com";
    private static final String SIDECAR_USER = "jar-sidecar@example.com";
    private static final String DAMAGED_USER = "jar-damaged@example.com";
    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(30).seed(17).videoSize(100_000)
            .account(USER + ":pw:nomfa").account(APP_USER + ":pw:nomfa").account(SIDECAR_USER + ":pw:nomfa"));
    /** A library of one JPEG whose segments are broken: its metadata cannot be embedded. */
    @RegisterExtension
    static final SimulatorExtension damaged = SimulatorExtension.of(b -> b.libraryDir(damagedLibrary())
            .account(DAMAGED_USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();

    @TempDir
    static Path work;

    @Test
    void embedsIntoS3AndSftpObjectsAndAMetadataChangeRewritesThemWithoutADownload() throws Exception {
        s3.get().createBucket("meta");
        LibraryManifest.Asset hearted = uniqueVisibleJpegs(USER).get(1);
        apple.get().annotateAsset(USER, hearted.id(), null, true); // the generated library's JPEGs have no favourite
        JarProcess.Result first = sync(USER, "meta");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).doesNotContain("Error embedding").doesNotContain("Error writing");

        List<LibraryManifest.Asset> jpegs = uniqueVisibleJpegs(USER);
        int captions = 0;
        int keywords = 0;
        int places = 0;
        int favourites = 0;
        List<String> keys = s3.get().objects("meta").stream().map(StoredFile::key).toList();
        for (LibraryManifest.Asset asset : jpegs) {
            assertThat(keys).as(asset.toString()).contains(asset.fileName());
            for (Path file : List.of(fromS3("meta", asset.fileName()), fromSftp("meta", asset.fileName()))) {
                JsonNode tags = Exiftool.read(file);
                String name = file + " (" + asset.fileName() + ")";
                assertThat(tags.has("ExifTool:Warning")).as(name + ": " + tags.path("ExifTool:Warning")).isFalse();
                assertThat(tags.path("ExifIFD:DateTimeOriginal").asText()).as(name).isEqualTo(EXIF_DATE.format(
                        asset.assetDate().atOffset(ZoneOffset.ofTotalSeconds(asset.timeZoneOffset()))));
                if (asset.caption() != null) {
                    captions++;
                    assertThat(tags.path("XMP-dc:Title").asText()).as(name).isEqualTo(asset.caption());
                }
                if (!asset.keywords().isEmpty()) {
                    keywords++;
                    assertThat(texts(tags.path("XMP-dc:Subject"))).as(name).isEqualTo(asset.keywords());
                }
                assertThat(tags.path("XMP-xmp:Rating").asInt(0)).as(name).isEqualTo(asset.favorite() ? 5 : 0);
                favourites += asset.favorite() ? 1 : 0;
                if (asset.location() != null) {
                    places++;
                    assertThat(tags.path("Composite:GPSLatitude").asDouble()).as(name)
                            .isCloseTo(asset.location().latitude(), within(1e-5));
                    assertThat(tags.path("Composite:GPSLongitude").asDouble()).as(name)
                            .isCloseTo(asset.location().longitude(), within(1e-5));
                }
                assertThat(picture(file)).as(name + ": the compressed picture, as iCloud sent it")
                        .isEqualTo(picture(original(USER, asset)));
                String sha256 = StoredFile.under(file.getParent()).stream()
                        .filter(f -> f.key().equals(file.getFileName().toString())).findFirst().orElseThrow().sha256();
                assertThat(recordedSha256s(work.resolve("state-meta"), asset.fileName()))
                        .as(name + ": the records keep the SHA-256 of the embedded bytes").contains(sha256);
            }
            assertThat(sidecars("meta", asset.fileName())).as(asset.fileName() + ".xmp in S3 and on SFTP")
                    .allSatisfy(x -> assertThat(x).contains("icloudpd").contains(asset.caption() == null ? "x:xmptk"
                            : asset.caption()));
        }
        assertThat(List.of(jpegs.size(), captions, keywords, places, favourites))
                .as("jpegs, captions, keywords, places, favourites seen").allMatch(n -> n > 0);

        LibraryManifest.Asset plain = jpegs.stream().filter(a -> !a.favorite()).findFirst().orElseThrow();
        byte[] picture = picture(fromS3("meta", plain.fileName()));
        apple.get().annotateAsset(USER, plain.id(), "Changed in Photos", List.of("changed", "in Photos"), true);
        apple.get().resetRequestCounts();
        JarProcess.Result second = sync(USER, "meta");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(apple.get().requestCounts().getOrDefault("GET /B/*", 0L)).as("downloads from iCloud").isZero();
        assertThat(second.output()).contains("Updated the metadata of " + plain.fileName() + " in S3 s3://meta/")
                .contains("Updated the metadata of " + plain.fileName() + " in SFTP sftp://")
                .contains("(1 with updated metadata)");
        for (Path file : List.of(fromS3("meta", plain.fileName()), fromSftp("meta", plain.fileName()))) {
            JsonNode tags = Exiftool.read(file);
            assertThat(tags.path("XMP-dc:Title").asText()).as(file.toString()).isEqualTo("Changed in Photos");
            assertThat(tags.path("XMP-xmp:Rating").asInt()).as(file.toString()).isEqualTo(5);
            assertThat(texts(tags.path("XMP-dc:Subject"))).as(file.toString()).containsExactly("changed", "in Photos");
            assertThat(picture(file)).as(file + ": the compressed picture").isEqualTo(picture);
        }
        assertThat(sidecars("meta", plain.fileName())).allSatisfy(x -> assertThat(x).contains("Changed in Photos")
                .contains("in Photos"));

        JarProcess.Result third = sync(USER, "meta");
        assertThat(third.exitCode()).as(third.output()).isZero();
        assertThat(third.output()).as("nothing changed since").doesNotContain("Updated the metadata of");
    }

    @Test
    void sidecarsAloneLeaveTheObjectsAsICloudSentThemAndFollowAChange() throws Exception {
        s3.get().createBucket("sidecar");
        JarProcess.Result first = sync(SIDECAR_USER, "sidecar", apple, "--no-embed");
        assertThat(first.exitCode()).as(first.output()).isZero();
        LibraryManifest.Asset photo = uniqueVisibleJpegs(SIDECAR_USER).get(0);
        String iCloud = photo.versions().get("resOriginal").sha256();
        assertThat(StoredFile.contentByKey(s3.get().objects("sidecar"))).as("S3")
                .containsEntry(photo.fileName(), photo.versions().get("resOriginal").size() + ":" + iCloud)
                .containsKey(photo.fileName() + ".xmp");
        assertThat(StoredFile.contentByKey(sftp.get().files("sidecar"))).as("SFTP")
                .containsEntry(photo.fileName(), photo.versions().get("resOriginal").size() + ":" + iCloud)
                .containsKey(photo.fileName() + ".xmp");

        apple.get().annotateAsset(SIDECAR_USER, photo.id(), "Only the sidecar changes", null, null);
        apple.get().resetRequestCounts();
        JarProcess.Result second = sync(SIDECAR_USER, "sidecar", apple, "--no-embed");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(apple.get().requestCounts().getOrDefault("GET /B/*", 0L)).as("downloads from iCloud").isZero();
        assertThat(sidecars("sidecar", photo.fileName())).allSatisfy(x -> assertThat(x)
                .contains("Only the sidecar changes"));
        assertThat(StoredFile.contentByKey(s3.get().objects("sidecar"))).as("the photo untouched")
                .containsEntry(photo.fileName(), photo.versions().get("resOriginal").size() + ":" + iCloud);
    }

    @Test
    void aDamagedJpegFailsTheRunAndOnlyItsMetadataIsTriedAgain() throws Exception {
        s3.get().createBucket("damaged");
        damaged.get().annotateAsset(DAMAGED_USER, damaged.get().manifest(DAMAGED_USER).assets().get(0).id(),
                "A caption to embed", true);
        Path folder = work.resolve("damaged-folder");
        JarProcess.Result first = sync(DAMAGED_USER, "damaged", damaged, "--directory", folder.toString());
        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
        assertThat(first.output()).contains("Error embedding metadata in BROKEN.JPG");
        assertThat(summariesFailingMetadata(first)).as(first.output()).isEqualTo(3); // S3, SFTP and the folder
        byte[] served = Files.readAllBytes(damagedLibrary().resolve("BROKEN.JPG"));
        assertThat(Files.readAllBytes(fromS3("damaged", "BROKEN.JPG"))).as("uploaded as downloaded").isEqualTo(served);
        assertThat(Files.readAllBytes(fromSftp("damaged", "BROKEN.JPG"))).isEqualTo(served);
        assertThat(Files.readAllBytes(folder.resolve("BROKEN.JPG"))).isEqualTo(served);

        damaged.get().resetRequestCounts();
        JarProcess.Result second = sync(DAMAGED_USER, "damaged", damaged, "--directory", folder.toString());
        assertThat(second.exitCode()).as(second.output()).isEqualTo(1);
        assertThat(damaged.get().requestCounts().getOrDefault("GET /B/*", 0L)).as("downloads from iCloud").isZero();
        assertThat(second.output()).contains("Error embedding metadata in BROKEN.JPG for S3")
                .contains("Error embedding metadata in BROKEN.JPG for SFTP")
                .contains("Error updating the metadata of " + folder + "/BROKEN.JPG").doesNotContain("1 delivered");
        assertThat(summariesFailingMetadata(second)).as(second.output()).isEqualTo(3);
    }

    @Test
    void theBundledRoutesEmbedWhenApplicationPropertiesSaySo() throws Exception {
        s3.get().createBucket("app-meta");
        Path app = Files.createDirectories(work.resolve("app/routes")).getParent();
        Files.copy(Path.of("application.properties"), app.resolve("application.properties"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, app.resolve("routes").resolve(route.getFileName()));
            }
        }
        Files.writeString(app.resolve("application.properties"), String.join("\n", "",
                "icloud.cookie-directory = " + work.resolve("cookies-app"),
                "icloud.state.directory = " + work.resolve("state-app"),
                "icloud.folder-structure = none",
                "icloud.embed-metadata = true",
                "icloud.xmp-sidecar = true",
                "destinations.folder.enabled = false",
                "destinations.s3.enabled = true",
                "destinations.s3.bucket = app-meta",
                "destinations.s3.endpoint = " + s3.get().endpoint(),
                "destinations.sftp.enabled = true",
                "destinations.sftp.host = 127.0.0.1",
                "destinations.sftp.port = " + sftp.get().port(),
                "destinations.sftp.user = " + SftpTestServer.USER,
                "destinations.sftp.path = app-meta",
                "destinations.sftp.known-hosts = " + sftp.get().knownHosts(work.resolve("known_hosts-app")), ""),
                StandardOpenOption.APPEND);
        List<LibraryManifest.Asset> jpegs = uniqueVisibleJpegs(APP_USER);
        LibraryManifest.Asset captioned = jpegs.stream().filter(a -> a.caption() != null).findFirst().orElseThrow();
        JarProcess application = JarProcess.jar(work).in(app)
                .env("ICLOUD_USERNAME", APP_USER).env("ICLOUD_PASSWORD", "pw").env("ICLOUD_DOMAIN", apple.get().baseUrl())
                .env("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY)
                .env("AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY)
                .env("SFTP_PASSWORD", SftpTestServer.PASSWORD);
        String sidecar = captioned.fileName() + ".xmp";
        try (JarProcess.Running running = application.start()) {
            running.await("the captioned JPEG's sidecar in the bucket and on the SFTP server", Duration.ofSeconds(120),
                    () -> has(() -> s3.get().objects("app-meta"), sidecar)
                            && has(() -> sftp.get().files("app-meta"), sidecar));
        }
        for (Path file : List.of(fromS3("app-meta", captioned.fileName()), fromSftp("app-meta", captioned.fileName()))) {
            assertThat(Exiftool.read(file).path("XMP-dc:Title").asText()).as(file.toString())
                    .isEqualTo(captioned.caption());
        }
        assertThat(sidecars("app-meta", captioned.fileName())).allSatisfy(x -> assertThat(x)
                .contains(captioned.caption()));
    }

    private static boolean has(java.util.concurrent.Callable<List<StoredFile>> files, String key) {
        try {
            return files.call().stream().anyMatch(f -> f.key().equals(key));
        } catch (Exception notYet) {
            return false;
        }
    }

    private static JarProcess.Result sync(String user, String target) throws Exception {
        return sync(user, target, apple);
    }

    /** Summary lines of a pass whose one file's metadata could not be written. */
    private static long summariesFailingMetadata(JarProcess.Result run) {
        return run.output().lines().filter(l -> l.contains("1 failed (1 whose metadata could not be written)")).count();
    }

    private static JarProcess.Result sync(String user, String target, SimulatorExtension simulator, String... extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--username", user, "--password", "pw", "--domain",
                simulator.get().baseUrl(), "--cookie-directory", work.resolve("cookies-" + target).toString(),
                "--state-directory", work.resolve("state-" + target).toString(), "--no-progress-bar",
                "--folder-structure", "none", "--embed-metadata", "--xmp-sidecar",
                "--s3-bucket", target, "--s3-endpoint", s3.get().endpoint(), "--s3-region",
                "us-east-1", "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY,
                "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.get().port() + "/" + target,
                "--sftp-password", SftpTestServer.PASSWORD, "--sftp-known-hosts",
                sftp.get().knownHosts(work.resolve("known_hosts-" + target)).toString()));
        args.addAll(List.of(extra));
        if (args.remove("--no-embed")) {
            args.remove("--embed-metadata");
        }
        return JarProcess.jar(work, args.toArray(String[]::new)).run();
    }

    /** JPEGs of the primary library, visible, each with a plain name (NAME.JPG) no other asset has. */
    private static List<LibraryManifest.Asset> uniqueVisibleJpegs(String user) {
        List<LibraryManifest.Asset> assets = apple.get().manifest(user).assets();
        Map<String, Long> names = assets.stream().filter(a -> a.fileName() != null)
                .collect(Collectors.groupingBy(LibraryManifest.Asset::fileName, Collectors.counting()));
        // plain names (icloudpd upper-cases a lower-case extension, normalises others: left out, not to repeat it)
        return assets.stream().filter(a -> a.fileName() != null && a.fileName().matches("[A-Za-z0-9_-]+\\.JPG")
                && "public.jpeg".equals(a.itemType()) && !a.hidden()
                && !a.deleted()
                && a.zone().equals("PrimarySync") && names.get(a.fileName()) == 1).toList();
    }

    private static Path fromS3(String bucket, String key) throws Exception {
        return s3.get().download(bucket, key, work.resolve("s3-copies/" + bucket + "/" + key));
    }

    private static Path fromSftp(String folder, String path) {
        return sftp.get().root().resolve(folder).resolve(path);
    }

    /** The sidecar of {@code key}, as S3 and as the SFTP server hold it. */
    private static List<String> sidecars(String target, String key) throws Exception {
        return List.of(Files.readString(fromS3(target, key + ".xmp"), StandardCharsets.UTF_8),
                Files.readString(fromSftp(target, key + ".xmp"), StandardCharsets.UTF_8));
    }

    /** The original as the simulator serves it: a plain run's bytes, fetched here once. */
    private static Path original(String user, LibraryManifest.Asset asset) throws Exception {
        Path plain = work.resolve("plain-" + user);
        if (!Files.isDirectory(plain)) {
            JarProcess.Result run = JarProcess.jar(work, "--username", user, "--password", "pw", "--domain",
                    apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-plain").toString(),
                    "--directory", plain.toString(), "--folder-structure", "none", "--no-progress-bar").run();
            assertThat(run.exitCode()).as(run.output()).isZero();
        }
        return plain.resolve(asset.fileName());
    }

    /** The SHA-256 each record file of {@code state} holds last for {@code path}. */
    private static List<String> recordedSha256s(Path state, String path) throws IOException {
        List<String> sums = new ArrayList<>();
        try (Stream<Path> files = Files.walk(state)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String last = null;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length >= 3 && fields[1].equals(path) && !fields[0].isEmpty()) {
                        last = fields[2];
                    }
                }
                if (last != null) {
                    sums.add(last);
                }
            }
        }
        return sums;
    }

    /** From the JPEG's start of scan on: the compressed picture, which metadata never touches. */
    private static byte[] picture(Path file) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Jpegs.fromStartOfScan(data);
    }


    private static Path damagedLibrary;

    /** BROKEN.JPG: a start-of-image marker, then an APP0 segment whose length runs past the end of the file. */
    private static synchronized Path damagedLibrary() {
        if (damagedLibrary == null) {
            try {
                damagedLibrary = Files.createTempDirectory("camel-icloud-damaged-");
                byte[] bytes = new byte[4096];
                new java.util.Random(7).nextBytes(bytes);
                byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, (byte) 0x7F, (byte) 0xFF};
                System.arraycopy(head, 0, bytes, 0, head.length);
                Files.write(damagedLibrary.resolve("BROKEN.JPG"), bytes);
                damagedLibrary.toFile().deleteOnExit();
                damagedLibrary.resolve("BROKEN.JPG").toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return damagedLibrary;
    }
}
