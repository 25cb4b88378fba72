package io.github.camelicloud.simulator.http;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests served, per endpoint ({@code POST /database/1/.../changes/zone}; every download as
 * {@code GET /B/*}), so tests and benchmarks can assert what a sync cost. The test hooks themselves
 * ({@code /_simulator/...}) are not counted.
 */
public final class RequestCounter implements Interceptor {

    private static final String HOOKS = "/_simulator/";
    private static final String DOWNLOADS = "/B/";

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Override
    public Optional<Response> intercept(Request request) {
        if (!request.path().startsWith(HOOKS)) {
            String path = request.path().startsWith(DOWNLOADS) ? DOWNLOADS + "*" : request.path();
            counts.computeIfAbsent(request.method() + " " + path, k -> new AtomicLong()).incrementAndGet();
        }
        return Optional.empty();
    }

    /** Requests per endpoint since the start or the last {@link #reset()}, sorted by endpoint. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((endpoint, n) -> copy.put(endpoint, n.get()));
        return copy;
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public void reset() {
        counts.clear();
    }
}
