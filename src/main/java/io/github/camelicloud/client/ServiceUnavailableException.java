package io.github.camelicloud.client;

import java.time.Duration;
import java.util.Optional;

/** Apple refuses to serve for now (HTTP 503, 429, THROTTLED): retry after a pause. */
public class ServiceUnavailableException extends ICloudServiceException {

    private final Duration retryAfter;

    public ServiceUnavailableException(int statusCode, String code, Duration retryAfter) {
        super("Apple iCloud is temporarily refusing to serve requests (HTTP " + statusCode
                + (code == null ? "" : ", " + code) + "). This is throttling on Apple's side: wait a few minutes"
                + " (watch mode retries by itself) and avoid restarting many times in a row.",
                statusCode, code, true);
        this.retryAfter = retryAfter;
    }

    /** How long Apple asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
