package io.github.camelicloud.client.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful sign-in (or re-validation) established: who is signed in and where the account's
 * web services live. Holds no secret.
 *
 * @param webservices service name → root URL, e.g. {@code ckdatabasews → https://p61-ckdatabasews.icloud.com:443}
 * @param trustExpiresAt when the MFA trust of this session ends, when Apple told us (trust cookie expiry)
 */
public record AccountSession(String username, String dsid, String appleId, String fullName,
        Map<String, String> webservices, Optional<Instant> trustExpiresAt) {

    public AccountSession {
        webservices = Map.copyOf(webservices);
    }

    /** The CloudKit root, or empty when the account has no iCloud Photos web service. */
    public Optional<String> cloudKitUrl() {
        return Optional.ofNullable(webservices.get("ckdatabasews"));
    }

    /** The Shared Albums (shared streams) root, or empty when the account has none. */
    public Optional<String> sharedStreamsUrl() {
        return Optional.ofNullable(webservices.get("sharedstreams"));
    }
}
