package io.github.camelicloud.simulator.state;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live idmsa sessions, findable by id, scnt, aasp cookie or any session token issued for them. */
public final class AuthSessions {

    private final Tokens tokens;
    private final Map<String, AuthSession> byId = new ConcurrentHashMap<>();
    private final Map<String, AuthSession> byScnt = new ConcurrentHashMap<>();
    private final Map<String, AuthSession> byAasp = new ConcurrentHashMap<>();
    private final Map<String, AuthSession> byToken = new ConcurrentHashMap<>();

    public AuthSessions(Tokens tokens) {
        this.tokens = tokens;
    }

    public AuthSession create(AccountState account, String scnt, Instant now) {
        AuthSession session = new AuthSession(tokens.hex(16).toUpperCase(java.util.Locale.ROOT), scnt,
                tokens.base64Url(24), account, now);
        byId.put(session.id(), session);
        byScnt.put(scnt, session);
        byAasp.put(session.aasp(), session);
        return session;
    }

    /** A fresh {@code X-Apple-Session-Token}; Apple rotates it after each step, earlier ones stay usable. */
    public String issueToken(AuthSession session) {
        String token = tokens.base64(96);
        byToken.put(token, session);
        return token;
    }

    public Optional<AuthSession> byId(String id) {
        return live(id == null ? null : byId.get(id));
    }

    public Optional<AuthSession> byScnt(String scnt) {
        return live(scnt == null ? null : byScnt.get(scnt));
    }

    public Optional<AuthSession> byAasp(String aasp) {
        return live(aasp == null ? null : byAasp.get(aasp));
    }

    public Optional<AuthSession> byToken(String token) {
        return live(token == null ? null : byToken.get(token));
    }

    public long liveCount() {
        return byId.values().stream().filter(s -> !s.expired()).count();
    }

    public int expireAll() {
        int count = 0;
        for (AuthSession session : byId.values()) {
            if (!session.expired()) {
                session.expire();
                count++;
            }
        }
        return count;
    }

    private static Optional<AuthSession> live(AuthSession session) {
        return session == null || session.expired() ? Optional.empty() : Optional.of(session);
    }
}
