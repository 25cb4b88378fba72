package io.github.camelicloud.simulator.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending SRP exchanges. Each {@code c} is usable once; stale ones are dropped so the map stays small. */
public final class SrpHandshakes {

    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final Map<String, SrpHandshake> byC = new ConcurrentHashMap<>();

    public void put(String c, SrpHandshake handshake) {
        byC.values().removeIf(h -> h.createdAt().plus(MAX_AGE).isBefore(handshake.createdAt()));
        byC.put(c, handshake);
    }

    public Optional<SrpHandshake> take(String c, Instant now) {
        SrpHandshake handshake = c == null ? null : byC.remove(c);
        return handshake == null || handshake.createdAt().plus(MAX_AGE).isBefore(now) ? Optional.empty()
                : Optional.of(handshake);
    }
}
