package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A CLI sync against the simulator with each kind of fault Apple's servers and the network produce: every run ends
 * with exactly the manifest's files, byte for byte, and the log shows the client backing off or recovering.
 */
class FaultToleranceTest {

    private static final String USER = "faults@example.com";
    private static final String DOWNLOADS = "/B/*";
    private static final String CLOUDKIT = "/database/*";
    private static final String QUERY = "/database/1/com.apple.photos.cloud/production/private/records/query";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(12).seed(5).videoSize(300_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @AfterEach
    void noFaultLeft() {
        apple.get().clearFaults();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("503 on downloads", Fault.of("GET", DOWNLOADS, 503).times(3), "resuming in"),
                Arguments.of("429 with Retry-After on CloudKit", Fault.of("POST", CLOUDKIT, 429).times(2)
                        .retryAfter(Duration.ofSeconds(1)), "retrying in 1 s"),
                Arguments.of("500 on CloudKit", Fault.of("POST", QUERY, 500), "signing in again"),
                Arguments.of("connection reset mid-body", Fault.reset("GET", DOWNLOADS).times(3), "resuming in"),
                Arguments.of("connection reset on a CloudKit answer", Fault.reset("POST", CLOUDKIT).times(2),
                        "retrying in"),
                Arguments.of("truncated body", Fault.truncate("GET", DOWNLOADS).times(3), "resuming in"),
                Arguments.of("stalled body", Fault.stall("GET", DOWNLOADS, Duration.ofSeconds(6)),
                        "(resuming|retrying) in"), // our own words: which layer times out depends on timing
                Arguments.of("slow answers", Fault.slow("*", "*", Duration.ofMillis(200)).times(6),
                        "All photos and videos have been downloaded"),
                Arguments.of("session expired mid-run (421)", Fault.expireSession("POST", QUERY),
                        "The iCloud session expired; signing in again"),
                Arguments.of("CloudKit 401", Fault.of("POST", QUERY, 401),
                        "The iCloud session expired; signing in again"),
                Arguments.of("expired download URL (410)", Fault.of("GET", DOWNLOADS, 410).times(2),
                        "expired; continuing with a fresh one"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void syncEndsCompleteAndByteExact(String name, Fault fault, String logged) throws Exception {
        Path photos = work.resolve(name.replaceAll("[^A-Za-z0-9]+", "-"));
        apple.get().injectFault(fault);
        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString(),
                "--retry-delay", "0", "--max-retries", "5", "--read-timeout", "2", "--no-progress-bar");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern(logged);
        List<Path> files = ManifestFiles.files(photos);
        assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".part"));
        assertThat(ManifestFiles.actualSha256(photos))
                .containsExactlyInAnyOrderElementsOf(ManifestFiles.expectedSha256(apple.get().manifest(USER)));
        assertThat(apple.get().stateJson()).as("the fault was used up").doesNotContain("\"" + fault.path() + "\"");
    }
}
