package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.testing.FreePort;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SimulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics-port} in watch mode when passes fail: readiness goes down with a failed or incomplete pass, the
 * metrics count it, and the next good pass brings readiness back. (Every metric of a good pass, health and the Host
 * check: {@code JarCliIT.metricsAndHealthWhileWatching}.)
 */
class ObservabilityTest {

    private static final String USER = "metrics@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(10).seed(3).videoSize(200_000)
            .account(USER + ":pw:nomfa"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    /**
     * Truth in watch mode: a pass whose downloads all break is incomplete, one whose CloudKit calls all fail is failed;
     * each shows in the metrics and takes readiness down while liveness stays up, and the next good pass retries what
     * failed, delivers it and brings readiness back. One watch run goes through all of it.
     */
    @Test
    void incompleteAndFailedPassesTakeReadinessDownAndTheNextGoodPassBringsItBack() throws Exception {
        int port = FreePort.pick();
        String base = "http://127.0.0.1:" + port + "/observe/";
        Path photos = work.resolve("photos");
        apple.get().injectFault(Fault.truncate("GET", "/B/*").times(100_000));
        Thread watch = new Thread(() -> CliRun.of("", "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "-d",
                photos.toString(), "--watch-with-interval", "1", "--metrics-port", String.valueOf(port),
                "--no-progress-bar", "--retry-delay", "0", "--max-retries", "1"), "watch");
        watch.start();
        try {
            String metrics = awaitPass(base + "metrics", watch, "icloud_passes_total{outcome=\"incomplete\"}",
                    Duration.ofSeconds(120));
            assertThat(counter(metrics, "icloud_files_failed_total")).isGreaterThan(0);
            HttpResponse<String> ready = get(base + "health/ready");
            assertThat(ready.statusCode()).as("readiness after an incomplete pass: " + ready.body()).isEqualTo(503);
            assertThat(get(base + "health?exposureLevel=full&data=true").body())
                    .contains("\"name\":\"icloud-account\",\"status\":\"DOWN\"");

            apple.get().clearFaults();
            awaitPass(base + "metrics", watch, "icloud_passes_total{outcome=\"ok\"}", Duration.ofSeconds(120));
            assertThat(get(base + "health/ready").statusCode()).as("UP after a good pass").isEqualTo(200);
            assertThat(ManifestFiles.actualSha256(photos))
                    .containsExactlyInAnyOrderElementsOf(ManifestFiles.expectedSha256(apple.get().manifest(USER)));

            apple.get().injectFault(Fault.of("POST", "/database/*", 503).times(100_000));
            metrics = awaitPass(base + "metrics", watch, "icloud_passes_total{outcome=\"failed\"}",
                    Duration.ofSeconds(60));
            assertThat(metrics).containsPattern("icloud_errors_total\\{kind=\"http_503\"\\} [1-9]")
                    .containsPattern("icloud_retries_total\\{endpoint=\"[^\"]+\"\\} [1-9]");
            ready = get(base + "health/ready");
            assertThat(ready.statusCode()).as("readiness after a failed pass: " + ready.body()).isEqualTo(503);
            assertThat(ready.body()).contains("DOWN");
            assertThat(get(base + "health/live").statusCode()).as("the process still runs").isEqualTo(200);

            apple.get().clearFaults();
            for (int i = 0; i < 600 && get(base + "health/ready").statusCode() != 200; i++) {
                Thread.sleep(100);
            }
            assertThat(get(base + "health/ready").statusCode()).as("UP again after a good pass").isEqualTo(200);
        } finally {
            apple.get().clearFaults();
            watch.interrupt();
            watch.join(30_000);
        }
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
