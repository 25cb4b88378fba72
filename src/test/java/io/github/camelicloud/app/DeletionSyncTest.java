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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletions end to end against the simulator and real S3/SFTP servers on 127.0.0.1: watch mode picks up
 * assets added and deleted in iCloud while it runs and --auto-delete removes the deleted ones from the
 * folder and the bucket; --keep-icloud-recent-days deletes in iCloud only what every destination holds.
 */
class DeletionSyncTest {

    private static final String USER = "deletions@example.com";
    private static final Instant MAY = Instant.parse("2024-05-01T10:00:00Z");
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(6).seed(8).videoSize(200_000)
            .account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();

    @TempDir
    static Path work;

    @Test
    void watchModeMirrorsAssetsAddedAndDeletedWhileItRuns() throws Exception {
        ICloudSimulator library = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(9).videoSize(100_000)
                .account("watch@example.com:pw:nomfa").build().start();
        try {
            library.addAsset("watch@example.com", new NewAsset("KEEP_ME.JPG", null, 5000, MAY, null));
            LibraryManifest.Asset doomed = library.addAsset("watch@example.com",
                    new NewAsset("DELETE_ME.JPG", null, 6000, MAY, null));
            s3.get().createBucket("watch");
            Path folder = work.resolve("watch-folder");
            List<String> args = new ArrayList<>(List.of("--username", "watch@example.com", "--password", "pw",
                    "--domain", library.baseUrl(), "--cookie-directory", work.resolve("cookies").toString(),
                    "--state-directory", work.resolve("state-watch").toString(), "--directory", folder.toString(),
                    "--watch-with-interval", "1", "--auto-delete", "--no-progress-bar"));
            args.addAll(s3Flags("watch"));
            AtomicReference<CliRun> result = new AtomicReference<>();
            Thread cli = new Thread(() -> result.set(CliRun.of("", args.toArray(String[]::new))), "watch-cli");
            cli.start();
            try {
                Path keep = folder.resolve("2024/05/01/KEEP_ME.JPG");
                Path deleted = folder.resolve("2024/05/01/DELETE_ME.JPG");
                awaitTrue("both photos in the folder and the bucket", () -> Files.exists(keep) && Files.exists(deleted)
                        && keys("watch").containsAll(List.of("2024/05/01/KEEP_ME.JPG", "2024/05/01/DELETE_ME.JPG")));

                library.addAsset("watch@example.com", new NewAsset("ADDED_LATER.JPG", null, 7000, MAY, null));
                library.deleteAsset("watch@example.com", doomed.assetRecordName());
                Path added = folder.resolve("2024/05/01/ADDED_LATER.JPG");
                awaitTrue("the new photo delivered and the deleted one removed everywhere", () -> Files.exists(added)
                        && !Files.exists(deleted) && keys("watch").contains("2024/05/01/ADDED_LATER.JPG")
                        && !keys("watch").contains("2024/05/01/DELETE_ME.JPG"));
            } finally {
                cli.interrupt();
                cli.join(Duration.ofMinutes(1).toMillis());
            }
            assertThat(cli.isAlive()).isFalse();
            assertThat(folder.resolve("2024/05/01/KEEP_ME.JPG")).hasSize(5000);
            assertThat(keys("watch")).contains("2024/05/01/KEEP_ME.JPG", "2024/05/01/ADDED_LATER.JPG")
                    .doesNotContain("2024/05/01/DELETE_ME.JPG");
            CliRun run = result.get();
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Deleting any files found in 'Recently Deleted'...",
                    "Deleted " + folder + "/2024/05/01/DELETE_ME.JPG",
                    "Deleted 2024/05/01/DELETE_ME.JPG from S3 s3://watch/", "Watch mode stopped");
        } finally {
            library.close();
        }
    }

    @Test
    void keepRecentDaysDeletesInICloudOnlyWhatEveryDestinationHolds() throws Exception {
        LibraryManifest.Asset recent = apple.get().addAsset(USER, new NewAsset("RECENT.JPG", null, 4000, Instant.now(),
                null));
        List<String> old = visible(apple.get().manifest(USER)).stream().filter(a -> !a.id().equals(recent.id()))
                .map(LibraryManifest.Asset::id).toList();
        assertThat(old).isNotEmpty();
        Path folder = work.resolve("keep-folder");
        List<String> flags = new ArrayList<>(List.of("--directory", folder.toString(), "--keep-icloud-recent-days",
                "30"));
        flags.addAll(sftpFlags("keep"));

        sftp.get().stop();
        CliRun down;
        try {
            down = run(flags);
        } finally {
            sftp.get().start();
        }
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.output()).contains("cannot reach the server").doesNotContain("in iCloud");
        assertThat(StoredFile.under(folder)).isNotEmpty();
        assertThat(visible(apple.get().manifest(USER))).extracting(LibraryManifest.Asset::id).containsAll(old)
                .contains(recent.id()); // the folder holds them, SFTP does not: nothing left iCloud

        CliRun caughtUp = run(flags);
        assertThat(caughtUp.exitCode()).as(caughtUp.output()).isZero();
        assertThat(sftp.get().files("keep")).extracting(StoredFile::content)
                .containsExactlyInAnyOrderElementsOf(StoredFile.under(folder).stream().map(StoredFile::content)
                        .toList());
        assertThat(caughtUp.output()).contains(" in iCloud").doesNotContain("Deleted RECENT.JPG in iCloud");
        assertThat(visible(apple.get().manifest(USER))).extracting(LibraryManifest.Asset::id)
                .containsExactly(recent.id()); // older than 30 days and held by both: moved to Recently Deleted

        List<String> autoDelete = new ArrayList<>(flags.subList(0, 2));
        autoDelete.addAll(sftpFlags("keep"));
        autoDelete.add("--auto-delete");
        CliRun cleaned = run(autoDelete);
        assertThat(cleaned.exitCode()).as(cleaned.output()).isZero();
        assertThat(StoredFile.under(folder)).singleElement().satisfies(f -> assertThat(f.key()).endsWith("/RECENT.JPG"));
        assertThat(sftp.get().files("keep")).singleElement().satisfies(f -> assertThat(f.key()).endsWith("/RECENT.JPG"));
    }

    private static List<LibraryManifest.Asset> visible(LibraryManifest manifest) {
        return manifest.assets().stream().filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted())
                .toList();
    }

    private static List<String> keys(String bucket) throws Exception {
        return s3.get().objects(bucket).stream().map(StoredFile::key).toList();
    }

    /** Waits for a state the running CLI produces (no time is asserted: the limit only stops a broken run). */
    private static void awaitTrue(String what, Callable<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!holds(condition)) {
            assertThat(System.nanoTime() < deadline).as("waiting for " + what).isTrue();
            Thread.sleep(200);
        }
    }

    /** An object the CLI deletes while the bucket is being read makes the check fail this time, not the test. */
    private static boolean holds(Callable<Boolean> condition) {
        try {
            return condition.call();
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> s3Flags(String bucket) {
        return List.of("--s3-bucket", bucket, "--s3-endpoint", s3.get().endpoint(), "--s3-region", "us-east-1",
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY);
    }

    private static List<String> sftpFlags(String path) throws Exception {
        return List.of("--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.get().port() + "/" + path,
                "--sftp-password", SftpTestServer.PASSWORD,
                "--sftp-known-hosts", sftp.get().knownHosts(work.resolve("known_hosts")).toString());
    }

    private static CliRun run(List<String> flags) {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state-keep").toString(), "--no-progress-bar"));
        args.addAll(flags);
        return CliRun.of("", args.toArray(String[]::new));
    }
}
