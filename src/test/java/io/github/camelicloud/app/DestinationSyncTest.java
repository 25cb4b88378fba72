package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI mirroring a simulated library to real servers on 127.0.0.1 — S3Proxy and an embedded SFTP
 * server — and to a folder, all at once: every file with the manifest's key, size and SHA-256, what is there
 * already taken over by a new state directory, a destination that is down catches up on the next run without
 * the others sending anything again, and bad settings named clearly without recording anything.
 */
class DestinationSyncTest {

    private static final String SMALL = "small@example.com";

    @RegisterExtension
    static final SimulatorExtension smallApple = SimulatorExtension.of(b -> b.assets(30).seed(6).videoSize(1_000_000)
            .account(SMALL + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftpServer = new SftpExtension();

    @TempDir
    static Path work;

    /**
     * A new state directory (a lost one, or a first run against destinations filled before): the files already
     * there with the same key and size count as delivered and nothing is sent again. (That a run sends every file
     * once and a second run nothing: {@code JarCliIT.toAFolderS3AndSftpAtOnce}.)
     */
    @Test
    void aNewStateDirectoryTakesOverWhatS3AndSftpHoldAndSendsNothingAgain() throws Exception {
        S3TestServer s3 = s3Server.get();
        SftpTestServer sftp = sftpServer.get();
        List<String> expected = expectedContent(smallApple.get().manifest(SMALL));
        s3.createBucket("photos");
        List<String> flags = new ArrayList<>(s3Flags("photos", "library/"));
        flags.addAll(sftpFlags("mirror"));
        CliRun first = run(SMALL, "first", flags);
        assertThat(first.exitCode()).as(first.output()).isZero();
        List<StoredFile> objects = s3.objects("photos");
        assertThat(objects).extracting(StoredFile::content).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(objects).allSatisfy(o -> assertThat(o.key()).matches("library/\\d{4}/\\d{2}/\\d{2}/[^/]+"));
        List<StoredFile> files = sftp.files("mirror");
        assertThat(files).extracting(f -> "library/" + f.key(), StoredFile::size, StoredFile::sha256)
                .containsExactlyInAnyOrderElementsOf(objects.stream()
                        .map(o -> org.assertj.core.groups.Tuple.tuple(o.key(), o.size(), o.sha256())).toList());

        CliRun fresh = run(SMALL, "fresh", flags);
        assertThat(fresh.exitCode()).as(fresh.output()).isZero();
        assertThat(fresh.output()).doesNotContain("Uploaded ")
                .contains("s3://photos/library/ at " + s3.endpoint() + ": 0 delivered, " + expected.size()
                        + " already there")
                .contains("/mirror: 0 delivered, " + expected.size() + " already there");
        assertThat(s3.objects("photos")).hasSameSizeAs(objects);
        assertThat(sftp.files("mirror")).hasSameSizeAs(files);
    }

    @Test
    void fanOutKeepsGoingWhileSftpIsDownAndSftpCatchesUpOnTheNextRun() throws Exception {
        S3TestServer s3 = s3Server.get();
        SftpTestServer sftp = sftpServer.get();
        List<String> expected = expectedContent(smallApple.get().manifest(SMALL));
        s3.createBucket("fanout");
        Path folder = work.resolve("fanout-folder");
        List<String> flags = new ArrayList<>(List.of("--directory", folder.toString()));
        flags.addAll(s3Flags("fanout", null));
        flags.addAll(sftpFlags("fanout"));
        sftp.stop();
        CliRun first;
        try {
            first = run(SMALL, "fanout", flags);
        } finally {
            sftp.start();
        }
        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
        assertThat(first.output()).contains("SFTP sftp://alice@127.0.0.1:" + sftp.port() + "/fanout: cannot reach the"
                + " server").contains("did not receive " + expected.size() + " files");
        List<StoredFile> local = StoredFile.under(folder);
        assertThat(local).extracting(StoredFile::content).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(s3.objects("fanout")).containsExactlyInAnyOrderElementsOf(local);
        assertThat(sftp.files("fanout")).isEmpty();

        CliRun second = run(SMALL, "fanout", flags);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(sftp.files("fanout")).containsExactlyInAnyOrderElementsOf(local);
        assertThat(count(second.output(), "Uploaded .* to SFTP ")).isEqualTo(expected.size());
        assertThat(count(second.output(), "Uploaded .* to S3 ")).isZero();
        assertThat(second.output()).doesNotContain("Downloaded " + folder);
        assertThat(StoredFile.under(folder)).hasSameSizeAs(local);
        assertThat(s3.objects("fanout")).hasSameSizeAs(local);
    }

    @Test
    void aMissingBucketWrongKeysAndAnUnknownHostKeyAreNamedAndNothingIsRecorded() throws Exception {
        S3TestServer s3 = s3Server.get();
        SftpTestServer sftp = sftpServer.get();
        CliRun noBucket = run(SMALL, "bad-bucket", recent(s3Flags("no-such-bucket", null)));
        assertThat(noBucket.exitCode()).isEqualTo(1);
        assertThat(noBucket.output()).contains("S3 s3://no-such-bucket/ at " + s3.endpoint()
                + ": the bucket 'no-such-bucket' does not exist");

        s3.createBucket("keys");
        List<String> wrongKeys = recent(s3Flags("keys", null));
        wrongKeys.set(wrongKeys.indexOf(S3TestServer.SECRET_KEY), "wrong-secret");
        CliRun denied = run(SMALL, "bad-keys", wrongKeys);
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.output()).contains("S3 s3://keys/ at " + s3.endpoint() + ": access denied")
                .doesNotContain("wrong-secret");

        Path otherKey = work.resolve("other_known_hosts");
        Files.writeString(otherKey, "[127.0.0.1]:" + sftp.port() + " ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHA"
                + "yNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2"
                + "w0WZ2YB/++Tpockg=\n");
        List<String> mismatch = recent(sftpFlags("hostkey"));
        mismatch.set(mismatch.indexOf("--sftp-known-hosts") + 1, otherKey.toString());
        CliRun refused = run(SMALL, "bad-hostkey", mismatch);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("SFTP sftp://alice@127.0.0.1:" + sftp.port() + "/hostkey: the server's"
                + " host key").doesNotContain(SftpTestServer.PASSWORD);
        assertThat(sftp.files("hostkey")).isEmpty();

        // once the key is right, the same state directory still sends everything: nothing was recorded
        CliRun ok = run(SMALL, "bad-hostkey", recent(sftpFlags("hostkey")));
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(sftp.files("hostkey")).isNotEmpty();
    }

    private static List<String> recent(List<String> flags) {
        List<String> all = new ArrayList<>(flags);
        all.addAll(List.of("--recent", "3"));
        return all;
    }

    private static List<String> s3Flags(String bucket, String prefix) {
        List<String> flags = new ArrayList<>(List.of("--s3-bucket", bucket, "--s3-endpoint", s3Server.get().endpoint(),
                "--s3-region", "us-east-1", "--s3-access-key", S3TestServer.ACCESS_KEY,
                "--s3-secret-key", S3TestServer.SECRET_KEY));
        if (prefix != null) {
            flags.addAll(List.of("--s3-prefix", prefix));
        }
        return flags;
    }

    private static List<String> sftpFlags(String path) throws Exception {
        return new ArrayList<>(List.of("--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:"
                + sftpServer.get().port() + "/" + path, "--sftp-password", SftpTestServer.PASSWORD,
                "--sftp-known-hosts", sftpServer.get().knownHosts(work.resolve("known_hosts")).toString()));
    }

    private static CliRun run(String user, String state, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("--username", user, "--password", "pw", "--domain",
                smallApple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state-" + state).toString()));
        args.addAll(flags);
        return CliRun.of("", args.toArray(String[]::new));
    }

    /** size:sha256 of every file a full sync delivers (originals and live-photo videos). */
    static List<String> expectedContent(LibraryManifest manifest) {
        return ManifestAssert.contents(manifest);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
