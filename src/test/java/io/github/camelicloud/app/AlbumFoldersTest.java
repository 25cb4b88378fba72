package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Albums as folders (issue 17) through the CLI to a folder, S3 and SFTP at once: every user album in its own
 * folder, nested album folders nested, hostile and clashing album names made safe and distinct, photos in no album
 * in {@code Unfiled}; a photo in three albums is one download per destination that can copy (hard links in the
 * folder, server-side copies in S3) and a second upload on SFTP; a renamed and a removed album are reflected by
 * the next run with {@code --auto-delete}.
 */
class AlbumFoldersTest {

    private static final String USER = "albums@example.com";
    private static final Instant MAY = Instant.parse("2024-05-01T08:00:00Z");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(17)
            .account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();

    @TempDir
    static Path work;

    @Test
    void everyAlbumIsAFolderAndAPhotoInThreeAlbumsIsDownloadedOncePerDestination() throws Exception {
        LibraryManifest.Asset everywhere = add("TRIP.JPG", 8000, MAY.plusSeconds(3));
        LibraryManifest.Asset family = add("KIDS.JPG", 9000, MAY.plusSeconds(2));
        LibraryManifest.Asset loose = add("LOOSE.JPG", 7000, MAY.plusSeconds(1));
        LibraryManifest.Asset hostile = add("ODD.JPG", 6000, MAY);
        apple.get().createAlbum(USER, "Trips", null, true);
        apple.get().createAlbum(USER, "Norway", "Trips", false);
        apple.get().createAlbum(USER, "Family", null, false);
        apple.get().createAlbum(USER, "../evil", null, false);
        apple.get().createAlbum(USER, "a/b", null, false);
        apple.get().createAlbum(USER, "a_b", null, false);
        apple.get().createAlbum(USER, "bell\u0007", null, false);
        for (String album : List.of("Norway", "Family", "../evil")) {
            apple.get().addToAlbum(USER, album, everywhere.id());
        }
        apple.get().addToAlbum(USER, "Family", family.id());
        for (String album : List.of("a/b", "a_b", "bell\u0007")) {
            apple.get().addToAlbum(USER, album, hostile.id());
        }
        s3.get().createBucket("albums");
        Path folder = work.resolve("photos");

        apple.get().resetRequestCounts();
        CliRun first = run(folder, "{album}/{:%Y}");
        assertThat(first.exitCode()).as(first.output()).isZero();
        Map<String, String> expected = new TreeMap<>(Map.of(
                "Trips/Norway/2024/TRIP.JPG", content(everywhere),
                "Family/2024/TRIP.JPG", content(everywhere),
                ".._evil/2024/TRIP.JPG", content(everywhere),
                "Family/2024/KIDS.JPG", content(family),
                "Unfiled/2024/LOOSE.JPG", content(loose),
                "a_b/2024/ODD.JPG", content(hostile),
                "a_b (2)/2024/ODD.JPG", content(hostile),
                "bell_/2024/ODD.JPG", content(hostile)));
        assertThat(files(folder)).isEqualTo(expected);
        assertThat(bucket()).as("S3").isEqualTo(expected);
        assertThat(sftpFiles()).as("SFTP").isEqualTo(expected);
        // one copy of the bytes in the folder: the album copies are hard links
        Object inode = Files.getAttribute(folder.resolve("Trips/Norway/2024/TRIP.JPG"), "unix:ino");
        assertThat(Files.getAttribute(folder.resolve("Family/2024/TRIP.JPG"), "unix:ino")).isEqualTo(inode);
        assertThat(Files.getAttribute(folder.resolve(".._evil/2024/TRIP.JPG"), "unix:ino")).isEqualTo(inode);
        // 4 photos: one download each for the folder and for S3, one per album copy (8) for SFTP
        assertThat(apple.get().requestCounts().get("GET /B/*")).isEqualTo(4 + 4 + 8);
        assertThat(first.output().lines().filter(l -> l.matches(".*Copied .*/2024/(TRIP|ODD).JPG to .* in S3 .*")))
                .hasSize(4);
        assertThat(first.output().lines().filter(l -> l.contains("Linked " + folder))).hasSize(4);

        CliRun again = run(folder, "{album}/{:%Y}");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("Downloaded", "Uploaded", "Copied", "Deleted");

        apple.get().renameAlbum(USER, "Family", "Kin");
        apple.get().removeAlbum(USER, "../evil");
        CliRun renamed = run(folder, "{album}/{:%Y}", "--auto-delete");
        assertThat(renamed.exitCode()).as(renamed.output()).isZero();
        expected.remove("Family/2024/TRIP.JPG");
        expected.remove("Family/2024/KIDS.JPG");
        expected.remove(".._evil/2024/TRIP.JPG");
        expected.put("Kin/2024/TRIP.JPG", content(everywhere));
        expected.put("Kin/2024/KIDS.JPG", content(family));
        assertThat(files(folder)).isEqualTo(expected);
        assertThat(bucket()).as("S3").isEqualTo(expected);
        assertThat(sftpFiles()).as("SFTP").isEqualTo(expected);
        assertThat(folder.resolve("Family")).doesNotExist();
        assertThat(folder.resolve(".._evil")).doesNotExist();
        assertThat(Files.getAttribute(folder.resolve("Kin/2024/TRIP.JPG"), "unix:ino")).isEqualTo(inode);
    }

    private static LibraryManifest.Asset add(String name, long size, Instant date) {
        return apple.get().addAsset(USER, new NewAsset(name, null, size, date, null));
    }

    private static CliRun run(Path folder, String layout, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state").toString(), "--no-progress-bar", "--directory", folder.toString(),
                "--folder-structure", layout, "-a", "all",
                "--s3-bucket", "albums", "--s3-endpoint", s3.get().endpoint(), "--s3-region", "us-east-1",
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY,
                "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.get().port() + "/albums",
                "--sftp-password", SftpTestServer.PASSWORD, "--sftp-known-hosts",
                sftp.get().knownHosts(work.resolve("known_hosts")).toString()));
        args.addAll(List.of(extra));
        return CliRun.of("", args.toArray(String[]::new));
    }

    private static String content(LibraryManifest.Asset asset) {
        LibraryManifest.Version original = asset.versions().get("resOriginal");
        return original.size() + ":" + original.sha256();
    }

    private static Map<String, String> files(Path folder) throws Exception {
        return StoredFile.contentByKey(StoredFile.under(folder));
    }

    private static Map<String, String> bucket() throws Exception {
        return StoredFile.contentByKey(s3.get().objects("albums"));
    }

    private static Map<String, String> sftpFiles() throws Exception {
        return StoredFile.contentByKey(sftp.get().files("albums"));
    }

}
