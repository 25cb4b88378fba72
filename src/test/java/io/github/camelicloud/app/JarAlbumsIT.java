package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --album all} and with {@code --shared-album all}, to a folder, S3 and SFTP at once,
 * each destination checked file by file against the simulator's SHA-256 sums: album folders (nested ones nested,
 * hostile, Windows-reserved and over-long names made usable), a configurable unfiled folder, a photo in three
 * albums linked in the folder and copied in S3; a renamed album folder and a removed album reflected by the next run
 * with {@code --auto-delete}; Shared Albums by contributor, same-named photos kept apart.
 */
class JarAlbumsIT {

    private static final String ALBUMS = "jar-albums-all@example.com";
    private static final String SHARED = "jar-shared-all@example.com";
    private static final Instant JUNE = Instant.parse("2024-06-01T08:00:00Z");
    private static final String LONG_NAME = "Summer holiday at the lake ".repeat(12).strip();

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(53)
            .account(ALBUMS + ":pw:nomfa").account(SHARED + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();

    @TempDir
    static Path work;

    @Test
    void everyAlbumIntoItsFolderEverywhereAndAlbumChangesFollowedWithAutoDelete() throws Exception {
        LibraryManifest.Asset trip = add("TRIP.JPG", 6000, JUNE.plusSeconds(3));
        LibraryManifest.Asset lake = add("LAKE.JPG", 5000, JUNE.plusSeconds(2));
        LibraryManifest.Asset loose = add("LOOSE.JPG", 4000, JUNE.plusSeconds(1));
        apple.get().createAlbum(ALBUMS, "Trips", null, true);
        apple.get().createAlbum(ALBUMS, "Oslo", "Trips", false);
        apple.get().createAlbum(ALBUMS, "Best", null, false);
        apple.get().createAlbum(ALBUMS, "CON", null, false);
        apple.get().createAlbum(ALBUMS, LONG_NAME, null, false);
        for (String album : List.of("Oslo", "Best", "CON")) {
            apple.get().addToAlbum(ALBUMS, album, trip.id());
        }
        apple.get().addToAlbum(ALBUMS, LONG_NAME, lake.id());
        s3.get().createBucket("albums-all");
        Path photos = work.resolve("albums");
        apple.get().resetRequestCounts();

        JarProcess.Result first = albums(photos);
        assertThat(first.exitCode()).as(first.output()).isZero();
        SortedMap<String, String> files = StoredFile.contentByKey(StoredFile.under(photos));
        String longFolder = files.keySet().stream().filter(k -> k.startsWith("Summer")).findFirst().orElseThrow()
                .replace("/LAKE.JPG", "");
        assertThat(LONG_NAME).startsWith(longFolder);
        assertThat(longFolder.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
        Map<String, String> expected = new TreeMap<>(Map.of("Trips/Oslo/TRIP.JPG", content(trip), "Best/TRIP.JPG",
                content(trip), "_CON/TRIP.JPG", content(trip), longFolder + "/LAKE.JPG", content(lake),
                "Loose ends/LOOSE.JPG", content(loose)));
        assertThat(files).isEqualTo(expected);
        assertThat(StoredFile.contentByKey(s3.get().objects("albums-all"))).as("S3").isEqualTo(expected);
        assertThat(StoredFile.contentByKey(sftp.get().files("albums-all"))).as("SFTP").isEqualTo(expected);
        Object inode = Files.getAttribute(photos.resolve("Trips/Oslo/TRIP.JPG"), "unix:ino");
        assertThat(Files.getAttribute(photos.resolve("Best/TRIP.JPG"), "unix:ino")).isEqualTo(inode);
        assertThat(Files.getAttribute(photos.resolve("_CON/TRIP.JPG"), "unix:ino")).isEqualTo(inode);
        assertThat(apple.get().requestCounts().get("GET /B/*"))
                .as("3 photos: once each for the folder and S3 (links, server-side copies), 5 files for SFTP")
                .isEqualTo(3 + 3 + 5);

        apple.get().renameAlbum(ALBUMS, "Trips", "Travel");
        apple.get().removeAlbum(ALBUMS, "Best");
        JarProcess.Result second = albums(photos, "--auto-delete");
        assertThat(second.exitCode()).as(second.output()).isZero();
        expected.remove("Trips/Oslo/TRIP.JPG");
        expected.remove("Best/TRIP.JPG");
        expected.put("Travel/Oslo/TRIP.JPG", content(trip));
        assertThat(StoredFile.contentByKey(StoredFile.under(photos))).isEqualTo(expected);
        assertThat(StoredFile.contentByKey(s3.get().objects("albums-all"))).as("S3").isEqualTo(expected);
        assertThat(StoredFile.contentByKey(sftp.get().files("albums-all"))).as("SFTP").isEqualTo(expected);
        assertThat(photos.resolve("Trips")).doesNotExist();
        assertThat(photos.resolve("Best")).doesNotExist();
    }

    @Test
    void everySharedAlbumByContributorEverywhereWithSameNamedPhotosKeptApart() throws Exception {
        apple.get().createSharedAlbum(SHARED, "Party", true, null);
        List<LibraryManifest.SharedItem> party = new ArrayList<>();
        party.add(addShared("Anna", 7000, JUNE.plusSeconds(10)));
        party.add(addShared("Ben", 7000, JUNE.plusSeconds(20)));
        party.add(addShared("Ben", 7100, JUNE.plusSeconds(30))); // Ben's second IMG_0001.JPG, other bytes
        s3.get().createBucket("shared-all");
        Path photos = work.resolve("shared");

        JarProcess.Result run = shared(photos);
        assertThat(run.exitCode()).as(run.output()).isZero();
        SortedMap<String, String> files = StoredFile.contentByKey(StoredFile.under(photos));
        Map<String, String> others = ManifestFiles.sharedAlbumFiles(apple.get().sharedAlbums(SHARED), item ->
                Optional.of(item.album() + "/" + item.contributor() + "/" + item.asset().fileName())
                        .filter(p -> !item.album().equals("Party")));
        assertThat(others).hasSize(5).containsKey("Ski Trip/Lee Roe/LIFT.JPG");
        assertThat(files).containsAllEntriesOf(others).hasSize(5 + 3);
        assertThat(files).containsEntry("Party/Anna/IMG_0001.JPG", content(party.get(0)));
        assertThat(files.entrySet()).filteredOn(e -> e.getKey().startsWith("Party/Ben/"))
                .allMatch(e -> e.getKey().matches("Party/Ben/IMG_0001.*\\.JPG")).extracting(Map.Entry::getValue)
                .containsExactlyInAnyOrder(content(party.get(1)), content(party.get(2)));
        assertThat(StoredFile.contentByKey(s3.get().objects("shared-all"))).as("S3").isEqualTo(files);
        assertThat(StoredFile.contentByKey(sftp.get().files("shared-all"))).as("SFTP").isEqualTo(files);
    }

    private static JarProcess.Result albums(Path photos, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-a", "all", "--folder-structure", "none", "--unfiled-folder",
                "Loose ends"));
        args.addAll(List.of(extra));
        return jar(ALBUMS, photos, "albums-all", args);
    }

    private static JarProcess.Result shared(Path photos) throws Exception {
        return jar(SHARED, photos, "shared-all", List.of("--shared-album", "all", "--folder-structure",
                "{album}/{contributor}"));
    }

    private static JarProcess.Result jar(String user, Path photos, String target, List<String> selection)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("--username", user, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-" + target).toString(),
                "--state-directory", work.resolve("state-" + target).toString(), "--no-progress-bar",
                "-d", photos.toString(), "--s3-bucket", target, "--s3-endpoint", s3.get().endpoint(), "--s3-region",
                "us-east-1", "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY,
                "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.get().port() + "/" + target,
                "--sftp-password", SftpTestServer.PASSWORD, "--sftp-known-hosts",
                sftp.get().knownHosts(work.resolve("known_hosts-" + target)).toString()));
        args.addAll(selection);
        return JarProcess.jar(work, args.toArray(String[]::new)).run();
    }

    private static LibraryManifest.Asset add(String name, long size, Instant date) {
        return apple.get().addAsset(ALBUMS, new NewAsset(name, null, size, date, null));
    }

    private static LibraryManifest.SharedItem addShared(String contributor, long size, Instant added) {
        return apple.get().addToSharedAlbum(SHARED, "Party", contributor,
                new NewAsset("IMG_0001.JPG", null, size, JUNE, null), added);
    }

    private static String content(LibraryManifest.Asset asset) {
        LibraryManifest.Version original = asset.versions().get("resOriginal");
        return original.size() + ":" + original.sha256();
    }

    private static String content(LibraryManifest.SharedItem item) {
        return content(item.asset());
    }
}
