package io.github.camelicloud.app.webui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in browsers: a random token in the cookie, only its SHA-256 kept here (a memory dump shows no usable
 * token), each valid for {@link #LIFETIME}. Kept in memory: a restart signs everyone out.
 */
final class Sessions {

    static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 64;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Map<String, Instant> expiries = new HashMap<>();

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session's token (for the cookie). */
    synchronized String open() {
        Instant now = clock.instant();
        expiries.values().removeIf(end -> !end.isAfter(now));
        if (expiries.size() >= MAX_SESSIONS) { // drop the oldest rather than grow without bound
            expiries.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .ifPresent(expiries::remove);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(digest(token), now.plus(LIFETIME));
        return token;
    }

    synchronized boolean valid(Optional<String> token) {
        if (token.isEmpty()) {
            return false;
        }
        Instant end = expiries.get(digest(token.get()));
        return end != null && end.isAfter(clock.instant());
    }

    synchronized void close(Optional<String> token) {
        token.ifPresent(t -> expiries.remove(digest(t)));
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
