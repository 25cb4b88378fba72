package io.github.camelicloud.client.photos;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The client against a generated 500-asset library: listings, albums and bytes equal the simulator's manifest. */
class SimulatorLibraryTest {

    private static final String USER = "lib@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(500).seed(7).videoSize(2_000_000)
            .account(USER + ":pw:nomfa"));
    private static ICloudClient client;
    private static LibraryManifest manifest;

    @TempDir
    static Path cookies;

    @BeforeAll
    static void start() {
        client = ICloudClient.builder().username(USER).password(() -> Optional.of("pw")).domain(apple.get().baseUrl())
                .cookieDirectory(cookies).retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(1)))
                .build();
        client.signIn();
        manifest = apple.get().manifest(USER);
    }

    @Test
    void wholeLibraryEqualsTheManifestWithNamesAndVersions() {
        PhotoLibrary library = client.photos().library("PrimarySync");
        List<Asset> listed = library.all().stream().toList();
        List<LibraryManifest.Asset> expected = manifest.assets().stream()
                .filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted()).toList();
        assertThat(listed).extracting(Asset::id).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(LibraryManifest.Asset::id).toList());
        assertThat(listed).extracting(Asset::created).isSortedAccordingTo((a, b) -> b.compareTo(a)); // newest first
        for (Asset asset : listed) {
            LibraryManifest.Asset m = manifest.asset(asset.id());
            assertThat(asset.fileName().orElse(null)).as(asset.id()).isEqualTo(m.fileName());
            // every version the client models is the manifest's (videos also carry poster frames it ignores)
            Map<String, String> fromManifest = m.versions().entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().size() + "/" + e.getValue().fileChecksum()));
            assertThat(fromManifest).as(asset.id()).containsAllEntriesOf(versionsByPrefix(asset));
            assertThat(versionsByPrefix(asset)).as(asset.id()).containsKey("resOriginal");
        }
    }

    @Test
    void everyAlbumSmartFolderAndLibraryListsExactlyItsMembers() {
        PhotoLibrary library = client.photos().library("PrimarySync");
        Map<String, PhotoAlbum> albums = library.albums();
        for (LibraryManifest.Album album : manifest.albums()) {
            if (album.type().equals("album")) {
                assertThat(ids(albums.get(album.name()))).as(album.name()).containsExactlyInAnyOrderElementsOf(album.assetIds());
            }
        }
        Map<String, String> smart = Map.of("Videos", "VIDEO", "Live", "LIVE", "Favorites", "FAVORITE",
                "Screenshots", "SCREENSHOT", "Panoramas", "PANORAMA", "Slo-mo", "SLOMO", "Time-lapse", "TIMELAPSE");
        smart.forEach((name, tag) -> assertThat(ids(albums.get(name))).as(name).containsExactlyInAnyOrderElementsOf(
                primary().filter(a -> a.smartAlbums().contains(tag)).map(LibraryManifest.Asset::id).toList()));
        assertThat(ids(albums.get("Hidden"))).containsExactlyInAnyOrderElementsOf(
                primary().filter(a -> a.hidden() && !a.deleted()).map(LibraryManifest.Asset::id).toList());
        assertThat(ids(albums.get("Recently Deleted"))).containsExactlyInAnyOrderElementsOf(
                primary().filter(LibraryManifest.Asset::deleted).map(LibraryManifest.Asset::id).toList());

        List<PhotoLibrary> libraries = client.photos().libraries();
        assertThat(libraries).extracting(PhotoLibrary::name).containsExactlyInAnyOrderElementsOf(
                manifest.libraries().stream().map(LibraryManifest.Library::zone).toList());
        for (PhotoLibrary shared : libraries.stream().filter(PhotoLibrary::shared).toList()) {
            assertThat(ids(shared.all())).containsExactlyInAnyOrderElementsOf(manifest.assets().stream()
                    .filter(a -> a.zone().equals(shared.name()) && !a.hidden() && !a.deleted())
                    .map(LibraryManifest.Asset::id).toList());
        }
    }

    @Test
    void everyVersionDownloadsToTheManifestsSha256() throws Exception {
        AssetDownloader downloader = client.downloader();
        List<Asset> all = client.photos().library("PrimarySync").all().stream().toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (Asset asset : all) {
                for (AssetVersion v : asset.versions().values()) {
                    String prefix = v.type().fieldPrefix(asset.kind());
                    String expected = manifest.asset(asset.id()).versions().get(prefix).sha256();
                    checks.add(pool.submit(() -> {
                        try (InputStream in = downloader.open(v, 0)) {
                            assertThat(sha256(in)).as(asset.id() + " " + prefix).isEqualTo(expected);
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : checks) {
                f.get();
            }
            assertThat(checks.size()).isGreaterThan(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedDownloadResumesWithRangeAndEndsIdentical(@TempDir Path dir) throws Exception {
        Asset video = client.photos().library("PrimarySync").all().stream()
                .filter(a -> a.kind() == ItemKind.MOVIE).findFirst().orElseThrow();
        AssetVersion original = video.version(VersionType.ORIGINAL).orElseThrow();
        Path part = dir.resolve("video.part");
        try (InputStream in = client.downloader().open(original, 0)) {
            Files.write(part, in.readNBytes((int) (original.size() / 2))); // the connection "breaks" half-way
        }
        apple.get().resetRequestCounts();
        client.downloader().downloadTo(original, part);
        assertThat(apple.get().downloadRanges()).as("the second request asks for the missing half only")
                .containsExactly("bytes=" + original.size() / 2 + "-");
        assertThat(part).hasSize(original.size());
        try (InputStream in = Files.newInputStream(part)) {
            assertThat(sha256(in)).isEqualTo(manifest.asset(video.id()).versions().get("resOriginal").sha256());
        }
    }

    private static Map<String, String> versionsByPrefix(Asset asset) {
        return asset.versions().values().stream().collect(Collectors.toMap(v -> v.type().fieldPrefix(asset.kind()),
                v -> v.size() + "/" + v.checksum(), (a, b) -> a));
    }

    private static java.util.stream.Stream<LibraryManifest.Asset> primary() {
        return manifest.assets().stream().filter(a -> a.zone().equals("PrimarySync"));
    }

    private static List<String> ids(PhotoAlbum album) {
        return album.stream().map(Asset::id).toList();
    }

    static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream d = new DigestInputStream(in, digest)) {
                d.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
