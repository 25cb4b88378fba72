package io.github.camelicloud.app.webui;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how the web page is served: the address and port, the names it answers ({@link HostNames}), the login
 * password (as a hash), TLS, and the reverse proxies whose {@code X-Forwarded-*} headers are believed.
 */
public record WebUiSettings(String host, int port, Set<String> hostNames, Optional<PasswordHash> login,
        Optional<PemTls> tls, Set<String> trustedProxies) {

    /**
     * @param password the login password, when one is configured
     * @throws IllegalArgumentException when the page would be open to the network without a login
     */
    public static WebUiSettings of(String host, int port, List<String> hostNames, Optional<String> password,
            Optional<PemTls> tls, List<String> trustedProxies) {
        if (password.isEmpty() && !HostNames.isLoopback(host)) {
            throw new IllegalArgumentException("--webui-host " + host + " opens the web page to the network, where"
                    + " anyone could type a code or start a pass: set a login password with --webui-password-file FILE"
                    + " (or WEBUI_PASSWORD), or keep the page on 127.0.0.1");
        }
        if (password.isPresent() && password.get().length() < 8) {
            throw new IllegalArgumentException("The web page's login password is too short: use at least 8 characters");
        }
        return new WebUiSettings(host, port, HostNames.forWebPage(host, hostNames), password.map(PasswordHash::of),
                tls, Set.copyOf(trustedProxies));
    }

    /** {@code https} with TLS, else {@code http}: what the page's own Origin starts with. */
    String scheme() {
        return tls.isPresent() ? "https" : "http";
    }
}
