package io.github.camelicloud.app.observe;

import io.github.camelicloud.client.http.RequestListener;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.PassResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The sync's numbers as Micrometer meters: what the client's requests cost (per endpoint and status) and what the
 * passes did (assets listed, files downloaded, skipped, failed, bytes), plus errors by kind. Prometheus names:
 * {@code icloud_requests_seconds_count{endpoint,status}}, {@code icloud_files_downloaded_total}, ...
 */
public final class SyncMetrics implements RequestListener, ICloudPassListener {

    private final MeterRegistry registry;
    private final Counter listed;
    private final Counter downloaded;
    private final Counter skipped;
    private final Counter failed;
    private final Counter bytes;

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        listed = Counter.builder("icloud.assets.listed").description("Assets looked at by the passes")
                .register(registry);
        downloaded = Counter.builder("icloud.files.downloaded").description("Files delivered to a destination")
                .register(registry);
        skipped = Counter.builder("icloud.files.skipped")
                .description("Files already at the destination and assets left out by the filters").register(registry);
        failed = Counter.builder("icloud.files.failed").description("Files that did not reach a destination")
                .register(registry);
        bytes = Counter.builder("icloud.download.bytes").baseUnit("bytes").description("Bytes delivered")
                .register(registry);
    }

    @Override
    public void answered(String endpoint, int status, Duration latency) {
        Timer.builder("icloud.requests").description("Requests to iCloud, by endpoint and HTTP status")
                .tag("endpoint", endpoint).tag("status", String.valueOf(status)).register(registry).record(latency);
        if (status >= 400) {
            error("http_" + status);
        }
    }

    @Override
    public void failed(String endpoint, String kind, Duration latency) {
        Timer.builder("icloud.requests").description("Requests to iCloud, by endpoint and HTTP status")
                .tag("endpoint", endpoint).tag("status", kind).register(registry).record(latency);
        error(kind);
    }

    @Override
    public void retried(String endpoint, String reason) {
        Counter.builder("icloud.retries").description("Calls and downloads tried again after a pause")
                .tag("endpoint", endpoint).register(registry).increment();
    }

    @Override
    public void passCompleted(PassResult result) {
        pass(result.complete() ? "ok" : "incomplete");
        listed.increment(result.assets());
        skipped.increment(result.alreadyThere() + result.skipped());
    }

    @Override
    public void passFailed(Exception error) {
        pass("failed");
        error(error.getClass().getSimpleName());
    }

    @Override
    public void fileDelivered(String relativePath, long size) {
        downloaded.increment();
        bytes.increment(Math.max(0, size));
    }

    @Override
    public void fileFailed(String relativePath, Exception error) {
        failed.increment();
        error(error == null ? "delivery" : error.getClass().getSimpleName());
    }

    private void pass(String outcome) {
        Counter.builder("icloud.passes").description("Passes over the library").tag("outcome", outcome)
                .register(registry).increment();
    }

    private void error(String kind) {
        Counter.builder("icloud.errors").description("Errors by kind: http_STATUS, timeout, connection, exception")
                .tag("kind", kind).register(registry).increment();
    }
}
