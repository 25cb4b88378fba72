package io.github.camelicloud.simulator.state;

import java.time.Instant;

/**
 * An idmsa sign-in (what {@code X-Apple-ID-Session-Id} names): created when signin/complete accepts the
 * password, then upgraded by a verified code or a trust grant. Web sessions created from it by
 * accountLogin follow its MFA standing, so trust expiry shows up on validate too.
 */
public final class AuthSession {

    private final String id;
    private final String scnt;
    private final String aasp;
    private final AccountState account;
    private final Instant createdAt;
    private Instant mfaVerifiedAt;
    private Instant trustExpiresAt;
    private boolean codePushed;
    private volatile boolean expired;

    public AuthSession(String id, String scnt, String aasp, AccountState account, Instant createdAt) {
        this.id = id;
        this.scnt = scnt;
        this.aasp = aasp;
        this.account = account;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public String scnt() {
        return scnt;
    }

    /** Value of the idmsa {@code aasp} cookie, a fallback way to find the session. */
    public String aasp() {
        return aasp;
    }

    public AccountState account() {
        return account;
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

    /** A correct code was entered (HSA2 device/SMS or 2SA). An expired trust is dropped so it no longer counts. */
    public synchronized void markVerified(Instant now) {
        mfaVerifiedAt = now;
        if (trustExpiresAt != null && !now.isBefore(trustExpiresAt)) {
            trustExpiresAt = null;
        }
    }

    /** The browser is trusted until {@code expiresAt} (2sv/trust, a presented trust token, or 2SA trustBrowser). */
    public synchronized void trustUntil(Instant expiresAt) {
        if (trustExpiresAt == null || expiresAt.isAfter(trustExpiresAt)) {
            trustExpiresAt = expiresAt;
        }
    }

    public synchronized void markCodePushed() {
        codePushed = true;
    }

    public synchronized boolean codePushed() {
        return codePushed;
    }

    public synchronized boolean verified() {
        return mfaVerifiedAt != null;
    }

    /**
     * Trusted while the grant runs; verified-but-untrusted counts as no challenge (the client may still
     * ask for trust); once a grant has run out, MFA is demanded again (§12).
     */
    public synchronized HsaStatus hsaStatus(Instant now) {
        boolean trusted = trustExpiresAt != null && now.isBefore(trustExpiresAt);
        boolean verifiedOnly = mfaVerifiedAt != null && trustExpiresAt == null;
        return new HsaStatus(!(trusted || verifiedOnly), trusted, trustExpiresAt);
    }
}
