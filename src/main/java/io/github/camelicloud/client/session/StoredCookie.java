package io.github.camelicloud.client.session;

import java.util.Objects;

/**
 * One cookie as kept across runs. Session cookies (no expiry) are kept too, as icloudpd does, because
 * Apple's web session lives in them. {@code expiresAt} is epoch milliseconds, or {@code Long.MAX_VALUE}.
 * The value is a secret: {@link #toString()} never shows it.
 */
public record StoredCookie(String name, String value, String domain, boolean hostOnly, String path,
        boolean secure, boolean httpOnly, long expiresAt) {

    public StoredCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(domain, "domain");
        path = path == null || path.isEmpty() ? "/" : path;
    }

    public boolean expired(long nowMillis) {
        return expiresAt <= nowMillis;
    }

    /** Same identity as RFC 6265's replacement rule: name, domain and path. */
    public boolean sameIdentity(StoredCookie other) {
        return name.equals(other.name) && domain.equals(other.domain) && path.equals(other.path);
    }

    @Override
    public String toString() {
        return "StoredCookie[" + name + "=***; domain=" + domain + "; path=" + path + "]";
    }
}
