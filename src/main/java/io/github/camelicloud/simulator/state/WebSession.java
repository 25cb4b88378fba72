package io.github.camelicloud.simulator.state;

import java.time.Instant;

/**
 * An iCloud web session, created by accountLogin and carried by the cookies it sets. It points at the
 * idmsa sign-in it came from, whose MFA standing it reports, so trust expiry shows up on validate too.
 */
public final class WebSession {

    private final WebCookieValues cookies;
    private final AuthSession auth;
    private final Instant createdAt;
    private volatile boolean expired;

    public WebSession(WebCookieValues cookies, AuthSession auth, Instant createdAt) {
        this.cookies = cookies;
        this.auth = auth;
        this.createdAt = createdAt;
    }

    public WebCookieValues cookies() {
        return cookies;
    }

    public AuthSession auth() {
        return auth;
    }

    public AccountState account() {
        return auth.account();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean expired() {
        return expired;
    }

    public void expire() {
        expired = true;
    }

    @Override
    public String toString() {
        return "WebSession[account=" + auth.account().email() + ", createdAt=" + createdAt + "]";
    }
}
