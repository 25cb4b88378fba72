package io.github.camelicloud.simulator.http;

/**
 * Domain and Secure attributes for the cookies the simulator sets. In base-URL mode (plain http on
 * 127.0.0.1) both are left out, otherwise a client's cookie jar would drop or never send them; an
 * Apple-host HTTPS mode would use {@code .icloud.com} / {@code apple.com} and Secure, as Apple does.
 *
 * @param domain null to omit the Domain attribute
 */
public record CookieScope(String domain, boolean secure) {

    public static final CookieScope BASE_URL = new CookieScope(null, false);
}
