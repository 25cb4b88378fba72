package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.ItemKind;
import io.github.camelicloud.client.photos.ResumingDownloadStream;
import io.github.camelicloud.client.photos.SharedAlbum;
import io.github.camelicloud.client.photos.SharedStreams;
import io.github.camelicloud.client.photos.VersionType;
import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared Albums (issue 17) against the simulator's sharedstreams service: a plain account owns one and subscribes
 * to one; the client lists them and their photos and videos with their contributors (comments skipped) and
 * downloads their bytes, refreshing an expired URL by listing the album again; the CLI lists them, and downloads
 * them to a folder and S3 at once, each album in its folder and each contributor's photos in theirs.
 */
class SharedAlbumsTest {

    private static final String USER = "shared@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(31)
            .account(USER + ":pw:nomfa"));

    @RegisterExtension
    static final S3Extension s3 = new S3Extension();

    @TempDir
    static Path work;

    @Test
    void theClientListsSharedAlbumsTheirContributorsAndDownloadsTheirFiles() throws Exception {
        ICloudClient client = signedIn("client-cookies");
        SharedStreams streams = client.sharedStreams();
        List<SharedAlbum> albums = streams.albums();
        assertThat(albums).extracting(SharedAlbum::name).containsExactly("Family Moments", "Ski Trip");
        assertThat(albums).extracting(SharedAlbum::owned).containsExactly(true, false);
        assertThat(albums.get(1).owner()).isEqualTo("Kim Doe");

        List<SharedStreams.SharedAsset> family = streams.assets(albums.get(0));
        assertThat(family).extracting(a -> a.asset().fileName().orElseThrow())
                .containsExactly("PARK.JPG", "CAKE.JPG", "CANDLES.MOV"); // the comments are no files
        assertThat(family).extracting(SharedStreams.SharedAsset::contributor)
                .containsExactly("Me", "Anna Example", "Anna Example");
        assertThat(family.get(2).asset().kind()).isEqualTo(ItemKind.MOVIE);
        for (SharedStreams.SharedAsset a : family) {
            var original = a.asset().versions().get(VersionType.ORIGINAL);
            Path file = work.resolve(a.asset().fileName().orElseThrow());
            client.downloader().downloadTo(original, file);
            assertThat(Files.size(file)).isEqualTo(original.size()).isPositive();
        }
        assertThat(streams.assets(albums.get(1))).extracting(SharedStreams.SharedAsset::contributor)
                .containsExactly("Kim Doe", "Lee Roe");
    }

    @Test
    void theCliListsTheSharedAlbums() {
        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cli-cookies").toString(), "--list-shared-albums");
        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        assertThat(run.output()).contains("Shared Albums:\nFamily Moments (owned)\n"
                + "Ski Trip (subscribed, shared by Kim Doe)\n");
    }

    @Test
    void anExpiredUrlIsRefreshedByListingTheAlbumAgainNotThroughCloudKit() throws Exception {
        ICloudClient client = signedIn("refresh-cookies");
        SharedStreams streams = client.sharedStreams();
        SharedAlbum ski = streams.albums().get(1);
        List<SharedStreams.SharedAsset> listed = streams.assets(ski);
        apple.get().advanceClock(Duration.ofMinutes(61)); // the listing's URLs live an hour
        apple.get().resetRequestCounts();
        Map<String, String> expected = ManifestFiles.sharedAlbumFiles(apple.get().sharedAlbums(USER), item ->
                Optional.of(item.asset().fileName()).filter(n -> item.album().equals("Ski Trip")));
        Map<String, String> downloaded = new TreeMap<>();
        for (SharedStreams.SharedAsset a : listed) {
            AssetVersion original = a.asset().versions().get(VersionType.ORIGINAL);
            String name = a.asset().fileName().orElseThrow();
            try (InputStream in = new ResumingDownloadStream(client.downloader(), original,
                    () -> streams.refresh(ski, a.asset()).versions().get(VersionType.ORIGINAL), RetryPolicy.NONE,
                    name)) {
                byte[] bytes = in.readAllBytes();
                downloaded.put(name, bytes.length + ":"
                        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
        }
        assertThat(downloaded).isEqualTo(expected);
        Map<String, Long> requests = apple.get().requestCounts();
        assertThat(requests.entrySet()).filteredOn(e -> e.getKey().endsWith("/webgetassets"))
                .as("one listing refreshes both URLs").singleElement().extracting(Map.Entry::getValue)
                .isEqualTo(1L);
        assertThat(requests.keySet()).noneMatch(k -> k.contains("records/lookup"));
    }

    @Test
    void theCliDownloadsEverySharedAlbumByContributorToAFolderAndS3() throws Exception {
        s3.get().createBucket("shared");
        Path folder = work.resolve("photos");
        Map<String, String> expected = ManifestFiles.sharedAlbumFiles(apple.get().sharedAlbums(USER), item ->
                Optional.of(item.album() + "/" + item.contributor() + "/" + item.asset().fileName()));
        assertThat(expected).hasSize(5).containsKeys("Family Moments/Anna Example/CANDLES.MOV",
                "Ski Trip/Lee Roe/LIFT.JPG");

        CliRun first = download(folder, "all");
        assertThat(first.exitCode()).as(first.output() + first.errors()).isZero();
        assertThat(StoredFile.contentByKey(StoredFile.under(folder))).isEqualTo(expected);
        assertThat(StoredFile.contentByKey(s3.get().objects("shared"))).as("S3").isEqualTo(expected);
        assertThat(first.output()).contains("Shared Album Ski Trip");

        CliRun again = download(folder, "all");
        assertThat(again.exitCode()).as(again.output() + again.errors()).isZero();
        assertThat(again.output()).doesNotContain("Downloaded", "Uploaded");

        CliRun unknown = download(folder, "Nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output() + unknown.errors()).contains("No Shared Album named Nope",
                "Family Moments, Ski Trip");
        CliRun withDeletes = download(folder, "all", "--auto-delete");
        assertThat(withDeletes.exitCode()).isEqualTo(2);
        assertThat(withDeletes.output() + withDeletes.errors()).contains("cannot be combined");
    }

    private static ICloudClient signedIn(String cookies) {
        ICloudClient client = ICloudClient.builder().username(USER).password(() -> Optional.of("pw"))
                .domain(apple.get().baseUrl()).cookieDirectory(work.resolve(cookies)).build();
        client.signIn();
        return client;
    }

    private static CliRun download(Path folder, String album, String... extra) {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cli-cookies").toString(),
                "--state-directory", work.resolve("state").toString(), "--no-progress-bar",
                "--directory", folder.toString(), "--shared-album", album, "--folder-structure", "{album}/{contributor}",
                "--s3-bucket", "shared", "--s3-endpoint", s3.get().endpoint(), "--s3-region", "us-east-1",
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY));
        args.addAll(List.of(extra));
        return CliRun.of("", args.toArray(String[]::new));
    }
}
