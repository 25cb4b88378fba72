package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared Albums (issue 17) through the CLI: to a folder, S3 and SFTP at once, photos of one name added by two people
 * are two files (identity is asset + checksum, never the name), under the same names everywhere; {@code --recent}
 * and {@code --until-found} count per Shared Album, newest addition first, whoever added the photos.
 */
class SharedAlbumsDeliveryTest {

    private static final String USER = "shared-delivery@example.com";
    private static final String COUNTING = "shared-counting@example.com";
    private static final Instant JULY = Instant.parse("2024-07-06T18:00:00Z");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(43)
            .account(USER + ":pw:nomfa").account(COUNTING + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();

    @TempDir
    static Path work;

    @Test
    void sameNamedPhotosOfTwoContributorsAreTwoFilesInTheFolderS3AndSftp() throws Exception {
        apple.get().createSharedAlbum(USER, "Party", true, null);
        LibraryManifest.SharedItem anna = add(USER, "Party", "Anna", "IMG_0001.JPG", 9000, JULY, JULY);
        LibraryManifest.SharedItem ben = add(USER, "Party", "Ben", "IMG_0001.JPG", 9000, JULY, JULY.plusSeconds(5));
        s3.get().createBucket("party");
        Path folder = work.resolve("party");

        CliRun first = toEveryDestination(folder);
        assertThat(first.exitCode()).as(first.output() + first.errors()).isZero();
        SortedMap<String, String> files = StoredFile.contentByKey(StoredFile.under(folder));
        assertThat(files.keySet()).filteredOn(k -> k.startsWith("Party/")).hasSize(2)
                .allMatch(k -> k.matches("Party/IMG_0001.*\\.JPG"));
        assertThat(files.entrySet()).filteredOn(e -> e.getKey().startsWith("Party/")).extracting(Map.Entry::getValue)
                .containsExactlyInAnyOrder(content(anna), content(ben));
        // every Shared Album, every file, byte for byte; the same names in each destination
        assertThat(files.values()).containsExactlyInAnyOrderElementsOf(ManifestFiles.sharedAlbumFiles(
                apple.get().sharedAlbums(USER), item -> Optional.of(item.asset().id())).values());
        assertThat(StoredFile.contentByKey(s3.get().objects("party"))).as("S3").isEqualTo(files);
        assertThat(StoredFile.contentByKey(sftp.get().files("party"))).as("SFTP").isEqualTo(files);

        CliRun again = toEveryDestination(folder);
        assertThat(again.exitCode()).as(again.output() + again.errors()).isZero();
        assertThat(again.output()).doesNotContain("Downloaded", "Uploaded");
        assertThat(StoredFile.contentByKey(StoredFile.under(folder))).isEqualTo(files);
    }

    @Test
    void recentAndUntilFoundCountPerSharedAlbumWhoeverAddedThePhotos() throws Exception {
        apple.get().createSharedAlbum(COUNTING, "Relay", false, "Kim Doe");
        for (int i = 1; i <= 4; i++) { // added in turns, each newer than the last
            add(COUNTING, "Relay", i % 2 == 1 ? "Anna" : "Ben", "R" + i + ".JPG", 3000 + i, JULY,
                    JULY.plusSeconds(60L * i));
        }
        Path folder = work.resolve("counting");

        CliRun recent = counting(folder, "--recent", "2");
        assertThat(recent.exitCode()).as(recent.output() + recent.errors()).isZero();
        SortedMap<String, String> newest = expected(item -> switch (item.asset().fileName()) {
            case "R4.JPG", "R3.JPG", "CANDLES.MOV", "CAKE.JPG", "LIFT.JPG", "SLOPE.JPG" -> true;
            default -> false;
        });
        assertThat(newest).containsKeys("Relay/Ben/R4.JPG", "Relay/Anna/R3.JPG").hasSize(6);
        assertThat(StoredFile.contentByKey(StoredFile.under(folder))).isEqualTo(newest);

        add(COUNTING, "Relay", "Anna", "R5.JPG", 3005, JULY, JULY.plusSeconds(600));
        CliRun untilFound = counting(folder, "--until-found", "2");
        assertThat(untilFound.exitCode()).as(untilFound.output() + untilFound.errors()).isZero();
        newest.putAll(expected(item -> item.asset().fileName().equals("R5.JPG")));
        assertThat(StoredFile.contentByKey(StoredFile.under(folder)))
                .as("R5 is new; R4, R3 were there: Relay stops before R2, the other albums after their newest two")
                .isEqualTo(newest);
        assertThat(untilFound.output().lines().filter(l -> l.contains("Found 2 consecutive previously downloaded")))
                .hasSize(3);
    }

    private static LibraryManifest.SharedItem add(String user, String album, String contributor, String name,
            long size, Instant taken, Instant added) {
        return apple.get().addToSharedAlbum(user, album, contributor, new NewAsset(name, null, size, taken, null),
                added);
    }

    private static SortedMap<String, String> expected(java.util.function.Predicate<LibraryManifest.SharedItem> which) {
        return ManifestFiles.sharedAlbumFiles(apple.get().sharedAlbums(COUNTING), item -> Optional.of(
                item.album() + "/" + item.contributor() + "/" + item.asset().fileName()).filter(p -> which.test(item)));
    }

    private static String content(LibraryManifest.SharedItem item) {
        LibraryManifest.Version original = item.asset().versions().get("resOriginal");
        return original.size() + ":" + original.sha256();
    }

    private static CliRun toEveryDestination(Path folder) throws Exception {
        return CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state").toString(), "--no-progress-bar", "--directory", folder.toString(),
                "--shared-album", "all", "--folder-structure", "{album}",
                "--s3-bucket", "party", "--s3-endpoint", s3.get().endpoint(), "--s3-region", "us-east-1",
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY,
                "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.get().port() + "/party",
                "--sftp-password", SftpTestServer.PASSWORD, "--sftp-known-hosts",
                sftp.get().knownHosts(work.resolve("known_hosts")).toString());
    }

    private static CliRun counting(Path folder, String... extra) {
        List<String> args = new ArrayList<>(List.of("--username", COUNTING, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("counting-cookies").toString(),
                "--state-directory", work.resolve("counting-state").toString(), "--no-progress-bar", "--directory",
                folder.toString(), "--shared-album", "all", "--folder-structure", "{album}/{contributor}"));
        args.addAll(List.of(extra));
        return CliRun.of("", args.toArray(String[]::new));
    }
}
