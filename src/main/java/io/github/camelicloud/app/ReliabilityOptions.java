package io.github.camelicloud.app;

import io.github.camelicloud.app.observe.Observability;
import io.github.camelicloud.client.ICloudClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Timeouts of the connection to Apple, the metrics/health endpoint and the trace file: flags every run may tune. */
final class ReliabilityOptions {

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up a connection attempt to Apple after SECONDS (it is retried). Default: ${DEFAULT-VALUE}")
    int connectTimeoutSeconds;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Give up an answer that sends nothing for SECONDS; a stalled download is resumed where it"
                    + " stopped. Default: ${DEFAULT-VALUE}")
    int readTimeoutSeconds;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/observe/metrics and health checks at"
                    + " /observe/health (live, ready) while the sync runs; off by default")
    Integer metricsPort;

    @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address the metrics endpoint listens on (0.0.0.0 for every interface)."
                    + " Default: ${DEFAULT-VALUE}")
    String metricsHost;

    @Option(names = "--trace-file", paramLabel = "FILE",
            description = "Write every request to Apple and its answer to FILE (HAR 1.2, readable by browsers'"
                    + " developer tools), owner-only, with passwords, codes, tokens, cookies and signed URLs masked"
                    + " and photo bytes left out: attach it when sign-in breaks. Off by default")
    Path traceFile;

    /** The metrics and health endpoint, when --metrics-port asks for it. */
    Optional<Observability> observability() {
        return Optional.ofNullable(metricsPort).map(port -> new Observability(metricsHost, port));
    }

    void apply(ICloudClient.Builder client) {
        client.timeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(readTimeoutSeconds));
        if (traceFile != null) {
            client.traceFile(traceFile);
        }
    }
}
