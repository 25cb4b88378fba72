package io.github.camelicloud.client.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A download resumes as long as each attempt moves forward, and gives up on a server that sends nothing. */
class ResumingDownloadStreamTest {

    private static final String USER = "cut@example.com";
    private static final long VIDEO = 6L << 20;
    private static final RetryPolicy THREE_ATTEMPTS = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

    @TempDir
    Path dir;

    @RegisterExtension
    final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(12).seed(3).videoSize(VIDEO)
            .account(USER + ":pw:nomfa"));
    private AssetVersion video;
    private String expectedSha256;
    private ICloudClient client;

    @BeforeEach
    void start() {
        client = ICloudClient.builder().username(USER).password(() -> Optional.of("pw")).domain(apple.get().baseUrl())
                .cookieDirectory(dir.resolve("cookies")).retryPolicy(RetryPolicy.NONE).build();
        client.signIn();
        Asset movie = client.photos().library("PrimarySync").all().stream()
                .filter(a -> a.kind() == ItemKind.MOVIE && a.size() == VIDEO).findFirst().orElseThrow();
        video = movie.version(VersionType.ORIGINAL).orElseThrow();
        expectedSha256 = apple.get().manifest(USER).asset(movie.id()).versions().get("resOriginal").sha256();
    }

    @Test
    void aDownloadCutEveryMegabyteGoesOnWhileEachAttemptMovesForward() throws Exception {
        apple.get().injectFault(Fault.reset("GET", "/B/*").times(1000).cutAfter(1L << 20));
        // six cuts, three attempts allowed in a row
        try (InputStream in = stream()) {
            assertThat(SimulatorLibraryTest.sha256(in)).isEqualTo(expectedSha256);
        }
    }

    @Test
    void aDownloadToAPartFileCutEveryMegabyteGoesOnToo() throws Exception {
        ICloudClient patient = ICloudClient.builder().username(USER).password(() -> Optional.of("pw"))
                .domain(apple.get().baseUrl()).cookieDirectory(dir.resolve("cookies")).retryPolicy(THREE_ATTEMPTS)
                .build();
        patient.signIn();
        apple.get().injectFault(Fault.reset("GET", "/B/*").times(1000).cutAfter(1L << 20));
        Path part = dir.resolve("video.part");
        patient.downloader().downloadTo(video, part);
        try (InputStream in = java.nio.file.Files.newInputStream(part)) {
            assertThat(SimulatorLibraryTest.sha256(in)).isEqualTo(expectedSha256);
        }
    }

    @Test
    void breaksWithNoProgressStillEndTheDownloadAfterMaxAttempts() throws Exception {
        long perAttempt = requestsOfOneAttempt();
        apple.get().injectFault(Fault.of("GET", "/B/*", 503).times(1000));
        // no Retry-After: 0 (OkHttp retries that itself)
        assertThatThrownBy(() -> {
            try (InputStream in = stream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }).isInstanceOf(IOException.class);
        assertThat(apple.get().requestCounts().get("GET /B/*")).isEqualTo(3 * perAttempt);
    }

    @Test
    void aTrickleBeforeEveryCutEndsAtTheCapThatScalesWithTheSize() throws Exception {
        long perAttempt = requestsOfOneAttempt();
        apple.get().injectFault(Fault.reset("GET", "/B/*").times(100_000).cutAfter(1000));
        assertThatThrownBy(() -> {
            try (InputStream in = stream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }).isInstanceOf(IOException.class);
        assertThat(apple.get().requestCounts().get("GET /B/*"))
                .isEqualTo(perAttempt * (THREE_ATTEMPTS.maxAttempts() + VIDEO / DownloadBreaks.BYTES_PER_BREAK));
    }

    /** The simulator's count of download requests for one opened stream (a redirect may add one). */
    private long requestsOfOneAttempt() throws IOException {
        apple.get().resetRequestCounts();
        client.downloader().open(video, VIDEO - 1).close();
        long count = apple.get().requestCounts().get("GET /B/*");
        apple.get().resetRequestCounts();
        return count;
    }

    private ResumingDownloadStream stream() {
        return new ResumingDownloadStream(client.downloader(), video, () -> video, THREE_ATTEMPTS, "video");
    }
}
