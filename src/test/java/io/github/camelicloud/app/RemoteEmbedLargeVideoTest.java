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
 * {@code --embed-metadata} to S3 and SFTP spools a 512 MB movie to a temporary file, embeds and uploads it from a JVM
 * with a 128 MB heap (the surefire execution "small-heap"): memory stays flat, both destinations hold the embedded
 * movie (larger than iCloud's, its media data untouched), and no spool is left behind.
 */
@Tag("small-heap")
class RemoteEmbedLargeVideoTest {

    private static final String USER = "bigembed@example.com";
    private static final long SIZE = 512L << 20;

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(0).account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftpServer = new SftpExtension();

    @TempDir
    Path work;

    @Test
    void aBigMovieIsEmbeddedThroughASpoolWithFlatMemory() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx128m").isLessThanOrEqualTo(160L << 20);
        ICloudSimulator apple = simulator.get();
        S3TestServer s3 = s3Server.get();
        SftpTestServer sftp = sftpServer.get();
        LibraryManifest.Asset video = apple.addAsset(USER, new NewAsset("BIG.MOV", "com.apple.quicktime-movie",
                SIZE, Instant.parse("2024-05-01T10:00:00Z"), null));
        apple.annotateAsset(USER, video.id(), "A long film", true);
        s3.createBucket("movies");
        long spoolsBefore = spools();

        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "--no-progress-bar",
                "--folder-structure", "none", "--embed-metadata", "--xmp-sidecar",
                "--state-directory", work.resolve("state").toString(),
                "--s3-bucket", "movies", "--s3-endpoint", s3.endpoint(), "--s3-region", "us-east-1",
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY,
                "--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.port() + "/movies",
                "--sftp-password", SftpTestServer.PASSWORD,
                "--sftp-known-hosts", sftp.knownHosts(work.resolve("known_hosts")).toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("Error embedding");
        for (Path stored : List.of(s3.blobs().resolve("movies"), sftp.root().resolve("movies"))) {
            List<StoredFile> files = StoredFile.under(stored);
            StoredFile movie = files.stream().filter(f -> f.key().equals("BIG.MOV")).findFirst().orElseThrow();
            assertThat(movie.size()).as(stored + ": the movie with its metadata").isGreaterThan(SIZE);
            assertThat(files).extracting(StoredFile::key).as(stored.toString()).contains("BIG.MOV.xmp");
        }
        assertThat(spools()).as("spools left in " + System.getProperty("java.io.tmpdir")).isEqualTo(spoolsBefore);
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("512 MB movie embedded and uploaded to S3 and SFTP: peak heap %d MB%n", peakHeap >> 20);
    }

    private static long spools() throws Exception {
        try (var entries = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("camel-icloud-spool-")).count();
        }
    }
}
