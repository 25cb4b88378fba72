package io.github.camelicloud.app.webui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} attempts per client in any {@code window}: wrong login passwords, and the posts that hand
 * a code or trigger a pass (three wrong codes would end a sign-in). A client is its address, or the one a trusted
 * proxy names.
 */
final class AttemptLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();

    AttemptLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Whether {@code client} may try now; the seconds to wait otherwise. */
    synchronized long secondsToWait(String client) {
        Deque<Instant> recent = recent(client);
        if (recent.size() < limit) {
            return 0;
        }
        return Math.max(1, Duration.between(clock.instant(), recent.peekFirst().plus(window)).toSeconds() + 1);
    }

    /** Counts one attempt of {@code client}. */
    synchronized void record(String client) {
        if (attempts.size() >= MAX_CLIENTS) {
            attempts.values().removeIf(d -> d.isEmpty() || !d.peekLast().isAfter(clock.instant().minus(window)));
        }
        recent(client).addLast(clock.instant());
    }

    private Deque<Instant> recent(String client) {
        Deque<Instant> recent = attempts.computeIfAbsent(client, c -> new ArrayDeque<>());
        Instant since = clock.instant().minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) {
            recent.removeFirst();
        }
        return recent;
    }
}
