package io.github.camelicloud.simulator.state;

import java.time.Instant;

/**
 * A 2sv/trust result: presenting {@code token} in signin/complete or accountLogin skips MFA until
 * {@code expiresAt}.
 */
public record TrustGrant(String token, String email, Instant issuedAt, Instant expiresAt) {

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "TrustGrant[email=" + email + ", expiresAt=" + expiresAt + "]";
    }
}
