package io.github.camelicloud.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An injected failure: the next {@code count} requests matching method and path get {@code status}
 * with a realistic body instead of the normal answer (503: text/html "Service Temporary Unavailable";
 * 429: CloudKit THROTTLED JSON; others: a CloudKit-style error JSON).
 *
 * @param method     HTTP method, or {@code *} for any
 * @param path       exact request path, or a prefix ending in {@code *}
 * @param status     the HTTP status to answer
 * @param count      how many matching requests fail (at least 1)
 * @param retryAfter sent as a {@code Retry-After} header (whole seconds) when not null
 */
public record Fault(String method, String path, int status, int count, Duration retryAfter) {

    public Fault {
        method = Objects.requireNonNullElse(method, "*").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("fault status must be an HTTP status, got " + status);
        }
        if (count < 1) {
            throw new IllegalArgumentException("fault count must be at least 1, got " + count);
        }
    }

    /** One failure of the given status. */
    public static Fault of(String method, String path, int status) {
        return new Fault(method, path, status, 1, null);
    }

    public Fault times(int newCount) {
        return new Fault(method, path, status, newCount, retryAfter);
    }

    public Fault retryAfter(Duration newRetryAfter) {
        return new Fault(method, path, status, count, newRetryAfter);
    }

    public boolean matches(String requestMethod, String requestPath) {
        boolean methodOk = "*".equals(method) || method.equalsIgnoreCase(requestMethod);
        boolean pathOk = path.endsWith("*") ? requestPath.startsWith(path.substring(0, path.length() - 1))
                : path.equals(requestPath);
        return methodOk && pathOk;
    }
}
