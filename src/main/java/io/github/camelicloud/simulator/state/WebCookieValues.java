package io.github.camelicloud.simulator.state;

/**
 * The opaque values of one web session's cookies (names in {@code WebAuthCookies}). Two of them,
 * {@code dsWebSessionToken} and {@code webauthToken}, identify the session.
 */
public record WebCookieValues(String dsWebSessionToken, String webauthToken, String webauthLogin,
        String webauthValidate, String webauthHsaLogin, String webKb, String hsaTrust, String uniqueClientId) {

    @Override
    public String toString() {
        return "WebCookieValues[***]";
    }
}
