package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3 GB video whose every connection is cut after 500 MB (a CDN that cuts long downloads) reaches the
 * folder, S3 and SFTP whole, from a JVM with a 128 MB heap (the surefire execution "small-heap"): each cut
 * is resumed because each attempt moved forward, and memory stays flat. The video is generated while
 * streaming; nothing of it is stored in the repository.
 */
@Tag("small-heap")
class LargeVideoDeliveryTest {

    private static final String USER = "video@example.com";
    private static final long THREE_GB = 3L << 30;

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(0).account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftpServer = new SftpExtension();

    @TempDir
    Path work;

    @Test
    void aThreeGigabyteVideoCutEvery500MegabytesReachesEveryDestination() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx128m").isLessThanOrEqualTo(160L << 20);
        ICloudSimulator apple = simulator.get();
        S3TestServer s3 = s3Server.get();
        SftpTestServer sftp = sftpServer.get();
        LibraryManifest.Asset video = apple.addAsset(USER, new NewAsset("BIG.MOV", "com.apple.quicktime-movie",
                THREE_GB, Instant.parse("2024-05-01T10:00:00Z"), null));
        apple.injectFault(Fault.reset("GET", "/B/*").times(1000).cutAfter(500L << 20));
        s3.createBucket("photos");

        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "--no-progress-bar",
                "--retry-delay", "0", "--folder-structure", "none",
                "--directory", work.resolve("photos").toString(),
                "--s3-bucket", "photos", "--s3-endpoint", s3.endpoint(), "--s3-region", "us-east-1",
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY,
                "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.port() + "/mirror",
                "--sftp-password", SftpTestServer.PASSWORD,
                "--sftp-known-hosts", sftp.knownHosts(work.resolve("known_hosts")).toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("broke at byte 524288000");
        String expected = THREE_GB + ":" + video.versions().get("resOriginal").sha256();
        // the stores' own files: the bytes as they landed, read without another 3 GB transfer
        for (Path stored : List.of(work.resolve("photos"), s3.blobs().resolve("photos"),
                sftp.root().resolve("mirror"))) {
            assertThat(StoredFile.under(stored)).as(stored.toString()).extracting(StoredFile::content)
                    .containsExactly(expected);
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("3 GB video cut every 500 MB to folder, S3 and SFTP: peak heap %d MB%n", peakHeap >> 20);
    }
}
