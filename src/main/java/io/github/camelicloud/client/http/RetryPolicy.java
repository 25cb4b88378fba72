package io.github.camelicloud.client.http;

import java.time.Duration;
import java.util.Optional;

/**
 * How often and how long to wait when Apple throttles (503/429) or a connection breaks: exponential
 * back-off from {@code initialDelay} up to {@code maxDelay}, and Apple's Retry-After when it gives
 * one (capped by {@code maxDelay} so a bogus value cannot stall a run for hours).
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(5), Duration.ofMinutes(2));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** The pause before attempt {@code nextAttempt} (2 = the first retry). */
    public Duration delayBefore(int nextAttempt, Optional<Duration> retryAfter) {
        Duration backoff = initialDelay.multipliedBy(1L << Math.min(20, Math.max(0, nextAttempt - 2)));
        Duration chosen = retryAfter.filter(r -> !r.isNegative()).orElse(backoff);
        return chosen.compareTo(maxDelay) > 0 ? maxDelay : chosen;
    }
}
