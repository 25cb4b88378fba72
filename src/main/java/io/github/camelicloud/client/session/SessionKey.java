package io.github.camelicloud.client.session;

import java.util.Locale;
import java.util.Optional;

/**
 * The values of a session besides cookies, under the key names icloudpd uses in its {@code .session}
 * file, so that an icloudpd session can be read as is. The secret ones are never logged.
 */
public enum SessionKey {
    CLIENT_ID("client_id", false, null),
    ACCOUNT_COUNTRY("account_country", false, "X-Apple-ID-Account-Country"),
    SESSION_ID("session_id", true, "X-Apple-ID-Session-Id"),
    SESSION_TOKEN("session_token", true, "X-Apple-Session-Token"),
    TRUST_TOKEN("trust_token", true, "X-Apple-TwoSV-Trust-Token"),
    TRUST_ELIGIBLE("trust_eligible", false, "X-Apple-TwoSV-Trust-Eligible"),
    APPLE_RSCD("apple_rscd", false, "X-Apple-I-Rscd"),
    APPLE_ERCD("apple_ercd", false, "X-Apple-I-Ercd"),
    SCNT("scnt", true, "scnt");

    private final String fileKey;
    private final boolean secret;
    private final String responseHeader;

    SessionKey(String fileKey, boolean secret, String responseHeader) {
        this.fileKey = fileKey;
        this.secret = secret;
        this.responseHeader = responseHeader;
    }

    public String fileKey() {
        return fileKey;
    }

    public boolean secret() {
        return secret;
    }

    /** The response header whose value overwrites this key after every request (icloud-protocol.md §2.3). */
    public Optional<String> responseHeader() {
        return Optional.ofNullable(responseHeader);
    }

    public static Optional<SessionKey> fromFileKey(String key) {
        for (SessionKey k : values()) {
            if (k.fileKey.equals(key.toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
