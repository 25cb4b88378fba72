package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.FreePort;
import io.github.camelicloud.testing.SimulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics-port}: while a watch-mode sync runs, Prometheus metrics and health checks answer over real HTTP
 * with the sync's own counters (files, bytes, requests per endpoint) and the account's readiness.
 */
class ObservabilityTest {

    private static final String USER = "metrics@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(10).seed(3).videoSize(200_000)
            .account(USER + ":pw:nomfa"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    @Test
    void metricsAndHealthAnswerDuringAWatchRun() throws Exception {
        int port = FreePort.pick();
        String base = "http://127.0.0.1:" + port;
        Path photos = work.resolve("photos");
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread watch = new Thread(() -> result.set(CliRun.of("", "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString(),
                "--watch-with-interval", "3600", "--metrics-port", String.valueOf(port), "--no-progress-bar")),
                "watch-sync");
        watch.start();
        try {
            String metrics = awaitDownloads(base + "/observe/metrics", watch);
            assertThat(counter(metrics, "icloud_files_downloaded_total")).isGreaterThan(0);
            assertThat(counter(metrics, "icloud_download_bytes_total")).isGreaterThan(0);
            assertThat(counter(metrics, "icloud_assets_listed_total")).isGreaterThanOrEqualTo(10);
            assertThat(metrics).containsPattern("icloud_requests_seconds_count\\{endpoint=\"download\",status=\"20[06]\"\\}"
                    + " [1-9]").containsPattern("icloud_requests_seconds_count\\{endpoint=\"records/query\","
                    + "status=\"200\"\\} [1-9]").contains("icloud_passes_total{outcome=\"ok\"} 1.0");

            HttpResponse<String> ready = get(base + "/observe/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            HttpResponse<String> health = get(base + "/observe/health?exposureLevel=full&data=true");
            assertThat(health.body()).contains("icloud-account").contains("UP");
            assertThat(get(base + "/observe/health/live").statusCode()).isEqualTo(200);
            // a page of another site reaching the loopback port through DNS rebinding sends its own host name
            assertThat(rawGet(port, "/observe/health?exposureLevel=full&data=true", "rebound.example:" + port))
                    .startsWith("HTTP/1.1 421").doesNotContain(USER);
            assertThat(rawGet(port, "/observe/metrics", "rebound.example")).startsWith("HTTP/1.1 421");
            assertThat(rawGet(port, "/observe/health/live", "localhost:" + port)).startsWith("HTTP/1.1 200");
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
        assertThat(watch.isAlive()).isFalse();
        assertThat(result.get().output()).contains("Metrics at http://127.0.0.1:" + port + "/observe/metrics");
    }

    @Test
    void aFailedPassTakesReadinessDownAndTheNextGoodOneBringsItBack() throws Exception {
        int port = FreePort.pick();
        String base = "http://127.0.0.1:" + port;
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread watch = new Thread(() -> result.set(CliRun.of("", "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-down").toString(), "-d",
                work.resolve("down").toString(), "--watch-with-interval", "1", "--metrics-port",
                String.valueOf(port), "--no-progress-bar", "--max-retries", "1", "--retry-delay", "0")),
                "watch-sync-down");
        watch.start();
        try {
            awaitPass(base + "/observe/metrics", watch, "icloud_passes_total{outcome=\"ok\"}",
                    Duration.ofSeconds(60));
            apple.get().injectFault(io.github.camelicloud.simulator.Fault.of("POST", "/database/*", 503)
                    .times(100_000));
            String metrics = awaitPass(base + "/observe/metrics", watch,
                    "icloud_passes_total{outcome=\"failed\"}", Duration.ofSeconds(60));
            assertThat(metrics).containsPattern("icloud_errors_total\\{kind=\"http_503\"\\} [1-9]")
                    .containsPattern("icloud_retries_total\\{endpoint=\"[^\"]+\"\\} [1-9]");
            HttpResponse<String> ready = get(base + "/observe/health/ready");
            assertThat(ready.statusCode()).as("readiness after a failed pass: " + ready.body()).isEqualTo(503);
            assertThat(ready.body()).contains("DOWN");
            assertThat(get(base + "/observe/health/live").statusCode()).as("the process still runs").isEqualTo(200);

            apple.get().clearFaults();
            for (int i = 0; i < 600 && get(base + "/observe/health/ready").statusCode() != 200; i++) {
                Thread.sleep(100);
            }
            assertThat(get(base + "/observe/health/ready").statusCode()).as("UP again after a good pass")
                    .isEqualTo(200);
        } finally {
            apple.get().clearFaults();
            watch.interrupt();
            watch.join(30_000);
        }
    }

    /**
     * Truth in watch mode: a pass whose downloads all break is an incomplete pass in the metrics and takes readiness
     * down; the next pass retries what failed, delivers it, and readiness is back.
     */
    @Test
    void aPassWithFailedFilesIsVisibleAndTheNextPassRetriesThem() throws Exception {
        int port = FreePort.pick();
        String base = "http://127.0.0.1:" + port;
        Path photos = work.resolve("retried");
        apple.get().injectFault(io.github.camelicloud.simulator.Fault.truncate("GET", "/B/*").times(100_000));
        Thread watch = new Thread(() -> CliRun.of("", "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-retried").toString(), "-d",
                photos.toString(), "--watch-with-interval", "2", "--metrics-port", String.valueOf(port),
                "--no-progress-bar", "--retry-delay", "0", "--max-retries", "0"), "watch-failing");
        watch.start();
        try {
            String metrics = awaitPass(base + "/observe/metrics", watch,
                    "icloud_passes_total{outcome=\"incomplete\"}", Duration.ofSeconds(120));
            assertThat(counter(metrics, "icloud_files_failed_total")).isGreaterThan(0);
            HttpResponse<String> ready = get(base + "/observe/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
            assertThat(get(base + "/observe/health?exposureLevel=full&data=true").body())
                    .contains("\"name\":\"icloud-account\",\"status\":\"DOWN\"");

            apple.get().clearFaults();
            awaitPass(base + "/observe/metrics", watch, "icloud_passes_total{outcome=\"ok\"}",
                    Duration.ofSeconds(120));
            assertThat(get(base + "/observe/health/ready").statusCode()).isEqualTo(200);
            assertThat(io.github.camelicloud.testing.ManifestFiles.actualSha256(photos))
                    .containsExactlyInAnyOrderElementsOf(io.github.camelicloud.testing.ManifestFiles
                            .expectedSha256(apple.get().manifest(USER)));
        } finally {
            apple.get().clearFaults();
            watch.interrupt();
            watch.join(30_000);
        }
    }

    /** The metrics once the first pass is done (the sync runs in watch mode, so the server stays up). */
    private String awaitDownloads(String url, Thread sync) throws Exception {
        return awaitPass(url, sync, "icloud_passes_total{outcome=\"ok\"}", Duration.ofSeconds(60));
    }

    /** The metrics once they show {@code marker}, waiting up to {@code limit} while the watch runs. */
    private String awaitPass(String url, Thread sync, String marker, Duration limit) throws Exception {
        for (long i = limit.toMillis() / 100; i > 0 && sync.isAlive(); i--) {
            try {
                HttpResponse<String> answer = get(url);
                if (answer.statusCode() == 200 && answer.body().contains(marker)) {
                    return answer.body();
                }
            } catch (java.io.IOException notYet) {
                // the server starts with the routes
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + marker + " in the metrics at " + url + (sync.isAlive() ? ""
                : " (the sync stopped)"));
    }

    /** A request with any Host header (java.net.http refuses to set one). */
    private static String rawGet(int port, String path, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close"
                    + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double counter(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
