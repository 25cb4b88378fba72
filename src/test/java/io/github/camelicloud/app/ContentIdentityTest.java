package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decide by content, never by name (issue 12, items 4 and 5), against the simulator and real S3/SFTP servers:
 * photos of one name taken on one day (other sizes, the same size) each keep a file of their own, under the same
 * names in the folder, the bucket and on SFTP; deletions in iCloud happen only for what every destination holds
 * and verifies just before; {@code --auto-delete} removes only the files recorded as the deleted photo's.
 */
class ContentIdentityTest {

    private static final Instant MAY = Instant.parse("2024-05-01T08:00:00Z");
    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftpServer = new SftpExtension();

    /** A simulator of its own for each test, an account for each test's name. */
    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(0).seed(12)
            .account("dup@example.com:pw:nomfa").account("adopt@example.com:pw:nomfa")
            .account("kill@example.com:pw:nomfa").account("corrupt@example.com:pw:nomfa")
            .account("bd-auto@example.com:pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void sameNamePhotosOfOneDayKeepAFileEachWithTheSameNamesEverywhere() throws Exception {
        Account account = new Account("dup", simulator.get());
        // newest first: 8,000 bytes, then 9,000, then another photo of 8,000 bytes
        List<String> photos = account.photos(new NewAsset("DUP.JPG", null, 8000, MAY.plusSeconds(3), null),
                new NewAsset("DUP.JPG", null, 9000, MAY.plusSeconds(2), null),
                new NewAsset("DUP.JPG", null, 8000, MAY.plusSeconds(1), null));
        CliRun run = account.run(List.of());
        assertThat(run.exitCode()).as(run.output()).isZero();

        Map<String, String> folder = account.folder();
        assertThat(folder).isEqualTo(Map.of("2024/05/01/DUP.JPG", photos.get(0), "2024/05/01/DUP-9000.JPG",
                photos.get(1), "2024/05/01/DUP-8000.JPG", photos.get(2)));
        assertThat(account.bucket()).as("S3").isEqualTo(folder);
        assertThat(account.sftp()).as("SFTP").isEqualTo(folder);

        CliRun again = account.run(List.of());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).doesNotContain("Uploaded", "Downloaded");
        assertThat(account.bucket()).isEqualTo(folder);
        assertThat(account.sftp()).isEqualTo(folder);
    }

    @Test
    void aFolderFilledByIcloudpdStillCountsAsThereByNameAndSize() throws Exception {
        Account account = new Account("adopt", simulator.get());
        List<String> photos = account.photos(new NewAsset("OLD.JPG", null, 7000, MAY, null));
        Path old = account.folder.resolve("2024/05/01/OLD.JPG");
        Files.createDirectories(old.getParent());
        Files.write(old, new byte[7000]); // icloudpd's: same name and size, bytes this tool never saw

        CliRun run = account.run(List.of("--keep-icloud-recent-days", "0"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(account.folder()).containsOnlyKeys("2024/05/01/OLD.JPG"); // not downloaded again
        assertThat(account.bucket()).isEqualTo(Map.of("2024/05/01/OLD.JPG", photos.get(0)));
        assertThat(run.output()).contains("Keeping OLD.JPG in iCloud: " + account.folder
                + ": 2024/05/01/OLD.JPG was there before and was not written by this tool");
        assertThat(account.visible()).hasSize(1); // its bytes in the folder were never verified
    }

    @Test
    void deleteAfterDownloadDeletesOnlyPhotosTheBucketHolds() throws Exception {
        Account account = new Account("kill", simulator.get());
        List<String> photos = account.photos(new NewAsset("KILL.JPG", null, 8000, MAY.plusSeconds(2), null),
                new NewAsset("KILL.JPG", null, 9000, MAY.plusSeconds(1), null));
        CliRun run = account.runS3Only(List.of("--delete-after-download"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(account.bucket()).isEqualTo(Map.of("2024/05/01/KILL.JPG", photos.get(0),
                "2024/05/01/KILL-9000.JPG", photos.get(1)));
        assertThat(account.visible()).isEmpty(); // both held, verified by S3's SHA-256: both deleted
    }

    @Test
    void aCorruptedCopyAtAnyDestinationKeepsThePhotoInICloud() throws Exception {
        Account account = new Account("corrupt", simulator.get());
        List<String> ids = new ArrayList<>();
        for (String name : List.of("IN_FOLDER.JPG", "ON_SFTP.JPG", "IN_S3.JPG", "INTACT.JPG")) {
            ids.add(account.add(new NewAsset(name, null, 5000, MAY, null)).id());
        }
        CliRun first = account.run(List.of());
        assertThat(first.exitCode()).as(first.output()).isZero();

        byte[] other = new byte[5000];
        Arrays.fill(other, (byte) 7);
        Files.write(account.folder.resolve("2024/05/01/IN_FOLDER.JPG"), other);
        Files.write(sftpServer.get().root().resolve(account.name + "/2024/05/01/ON_SFTP.JPG"), other);
        s3Server.get().put(account.name, "2024/05/01/IN_S3.JPG", other);

        CliRun deleting = account.run(List.of("--keep-icloud-recent-days", "0"));
        assertThat(deleting.exitCode()).as(deleting.output()).isZero();
        assertThat(deleting.output()).contains(
                "Keeping IN_FOLDER.JPG in iCloud: " + account.folder + ": 2024/05/01/IN_FOLDER.JPG does not hold"
                        + " the bytes that were downloaded",
                "Keeping ON_SFTP.JPG in iCloud: SFTP sftp://", "/corrupt: 2024/05/01/ON_SFTP.JPG does not hold the"
                        + " bytes that were uploaded",
                "Keeping IN_S3.JPG in iCloud: S3 s3://corrupt/", ": 2024/05/01/IN_S3.JPG does not hold the bytes"
                        + " that were uploaded",
                "Deleted INTACT.JPG in iCloud");
        assertThat(account.visible()).containsExactlyInAnyOrderElementsOf(ids.subList(0, 3));

        // the next pass sends the three again; then they are proven, and leave iCloud
        CliRun repaired = account.run(List.of("--keep-icloud-recent-days", "0"));
        assertThat(repaired.exitCode()).as(repaired.output()).isZero();
        assertThat(repaired.output()).doesNotContain("Keeping");
        assertThat(account.visible()).isEmpty();
        assertThat(account.folder()).isEqualTo(account.bucket()).isEqualTo(account.sftp()).hasSize(4)
                .doesNotContainValue("5000:" + io.github.camelicloud.sync.Sha256.of(
                        new java.io.ByteArrayInputStream(other)));
    }

    @Test
    void autoDeleteRemovesTheDeletedPhotosFilesOnly() throws Exception {
        Account account = new Account("bd-auto", simulator.get());
        // two live photos of one name and day: 6,000 bytes (newer) and 4,000 bytes, each with its video
        LibraryManifest.Asset kept = account.add(new NewAsset("BD.JPG", null, 6000, MAY.plusSeconds(2), null)
                .live(30_000));
        LibraryManifest.Asset deleted = account.add(new NewAsset("BD.JPG", null, 4000, MAY.plusSeconds(1), null)
                .live(25_000));
        CliRun first = account.run(List.of());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(account.folder()).isEqualTo(Map.of("2024/05/01/BD.JPG", content(kept), "2024/05/01/BD.MOV",
                live(kept), "2024/05/01/BD-4000.JPG", content(deleted), "2024/05/01/BD-25000.MOV", live(deleted)));

        account.apple.deleteAsset(account.user, deleted.assetRecordName());
        CliRun cleaned = account.run(List.of("--auto-delete"));
        assertThat(cleaned.exitCode()).as(cleaned.output()).isZero();
        Map<String, String> expected = Map.of("2024/05/01/BD.JPG", content(kept), "2024/05/01/BD.MOV", live(kept));
        assertThat(account.folder()).isEqualTo(expected);
        assertThat(account.bucket()).as("S3").isEqualTo(expected);
        assertThat(account.sftp()).as("SFTP").isEqualTo(expected);
    }

    private static String live(LibraryManifest.Asset asset) {
        LibraryManifest.Version video = asset.versions().get("resOriginalVidCompl");
        return video.size() + ":" + video.sha256();
    }

    private static String content(LibraryManifest.Asset asset) {
        LibraryManifest.Version original = asset.versions().get("resOriginal");
        return original.size() + ":" + original.sha256();
    }

    /** A simulator account of its own, with a folder, a bucket and an SFTP folder named after the test. */
    private static final class Account {
        final String name;
        final String user;
        final ICloudSimulator apple;
        final Path folder;
        final List<String> ids = new ArrayList<>();

        Account(String name, ICloudSimulator apple) {
            this.name = name;
            this.user = name + "@example.com";
            this.apple = apple;
            this.folder = work.resolve("folder-" + name);
            s3Server.get().createBucket(name);
        }

        /** Adds the photos; returns their contents (size:sha256) in the same order. */
        List<String> photos(NewAsset... assets) {
            return Arrays.stream(assets).map(a -> content(add(a))).toList();
        }

        LibraryManifest.Asset add(NewAsset asset) {
            LibraryManifest.Asset added = apple.addAsset(user, asset);
            ids.add(added.id());
            return added;
        }

        CliRun run(List<String> extra) throws Exception {
            List<String> args = new ArrayList<>(List.of("--directory", folder.toString()));
            args.addAll(s3Flags());
            args.addAll(List.of("--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftpServer.get().port() + "/"
                    + name, "--sftp-password", SftpTestServer.PASSWORD, "--sftp-known-hosts",
                    sftpServer.get().knownHosts(work.resolve("known_hosts")).toString()));
            args.addAll(extra);
            return cli(args);
        }

        CliRun runS3Only(List<String> extra) {
            List<String> args = new ArrayList<>(s3Flags());
            args.addAll(extra);
            return cli(args);
        }

        private List<String> s3Flags() {
            return List.of("--s3-bucket", name, "--s3-endpoint", s3Server.get().endpoint(), "--s3-region", "us-east-1",
                    "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY);
        }

        private CliRun cli(List<String> flags) {
            List<String> args = new ArrayList<>(List.of("--username", user, "--password", "pw", "--domain",
                    apple.baseUrl(), "--cookie-directory", work.resolve("cookies-" + name).toString(),
                    "--state-directory", work.resolve("state-" + name).toString(), "--no-progress-bar"));
            args.addAll(flags);
            return CliRun.of("", args.toArray(String[]::new));
        }

        Map<String, String> folder() throws Exception {
            return byKey(StoredFile.under(folder));
        }

        Map<String, String> bucket() throws Exception {
            return byKey(s3Server.get().objects(name));
        }

        Map<String, String> sftp() throws Exception {
            return byKey(sftpServer.get().files(name));
        }

        /** Ids of the photos the test added that are still in the library (not in Recently Deleted). */
        List<String> visible() {
            return apple.manifest(user).assets().stream().filter(a -> ids.contains(a.id()) && !a.deleted())
                    .map(LibraryManifest.Asset::id).toList();
        }
    }

    private static Map<String, String> byKey(List<StoredFile> files) {
        return files.stream().collect(Collectors.toMap(StoredFile::key, StoredFile::content, (a, b) -> a,
                TreeMap::new));
    }
}
