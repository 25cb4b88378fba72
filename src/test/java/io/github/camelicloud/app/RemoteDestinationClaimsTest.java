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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README promises of the remote destinations beyond the main sync tests: S3 multipart from 16 MiB,
 * SFTP login by private key, and {@code --sftp-strict-host-key-checking no} without a known_hosts file.
 */
class RemoteDestinationClaimsTest {

    private static final String USER = "remote@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(2).seed(31).videoSize(10_000)
            .account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();

    @TempDir
    Path work;

    @Test
    void aFileOf17MibGoesToS3InSeveralParts() throws Exception {
        LibraryManifest.Asset big = apple.get().addAsset(USER, NewAsset.of("BIG_0001.MOV", 17L << 20));
        s3.get().createBucket("multipart");
        CliRun run = run("--recent", "1", "--s3-bucket", "multipart", "--s3-endpoint", s3.get().endpoint(),
                "--s3-region", "us-east-1", "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key",
                S3TestServer.SECRET_KEY);
        assertThat(run.exitCode()).as(run.output()).isZero();
        StoredFile object = s3.get().objects("multipart").stream().filter(o -> o.key().endsWith("BIG_0001.MOV"))
                .findFirst().orElseThrow();
        assertThat(object.sha256()).isEqualTo(big.versions().get("resOriginal").sha256());
        assertThat(s3.get().eTag("multipart", object.key())).as("a multipart upload's ETag names its parts")
                .matches("\"?[0-9a-f]{32}-[2-9][0-9]*\"?");
    }

    @Test
    void sftpSignsInWithAPrivateKeyAndNoPassword() throws Exception {
        CliRun run = run("--recent", "2", "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:"
                + sftp.get().port() + "/keyed", "--sftp-private-key", sftp.get().clientKey(work.resolve("id_rsa"))
                .toString(), "--sftp-known-hosts", sftp.get().knownHosts(work.resolve("known_hosts")).toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(sftp.get().files("keyed")).hasSize(expectedFiles(2));
    }

    @Test
    void strictHostKeyCheckingNoConnectsWithoutKnownHosts() throws Exception {
        List<String> flags = List.of("--recent", "2", "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:"
                + sftp.get().port() + "/unchecked", "--sftp-password", SftpTestServer.PASSWORD, "--sftp-known-hosts",
                java.nio.file.Files.createFile(work.resolve("empty_known_hosts")).toString());
        CliRun refused = run(flags.toArray(String[]::new));
        assertThat(refused.exitCode()).as("checked by default: an unknown host key is refused").isEqualTo(1);
        List<String> unchecked = new ArrayList<>(flags);
        unchecked.addAll(List.of("--sftp-strict-host-key-checking", "no"));
        CliRun run = run(unchecked.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(sftp.get().files("unchecked")).hasSize(expectedFiles(2));
    }

    /** Files of the newest {@code recent} assets: the original, plus the video of a live photo. */
    private static int expectedFiles(int recent) {
        return (int) apple.get().manifest(USER).assets().stream()
                .filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted())
                .sorted((a, b) -> b.assetDate().compareTo(a.assetDate())).limit(recent)
                .mapToLong(a -> a.versions().containsKey("resOriginalVidCompl")
                        && !a.itemType().equals("com.apple.quicktime-movie") ? 2 : 1).sum();
    }

    private CliRun run(String... flags) {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state").toString(), "--no-progress-bar"));
        args.addAll(List.of(flags));
        return CliRun.of("", args.toArray(String[]::new));
    }
}
