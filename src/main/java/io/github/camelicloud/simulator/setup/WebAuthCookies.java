package io.github.camelicloud.simulator.setup;

import io.github.camelicloud.simulator.http.CookieScope;
import io.github.camelicloud.simulator.http.SetCookie;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.HsaStatus;
import io.github.camelicloud.simulator.state.WebCookieValues;
import io.github.camelicloud.simulator.state.WebSession;
import io.github.camelicloud.simulator.state.WebSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The iCloud cookies of §2.4 with the lifetimes seen in the cassettes (user and session token 30 days,
 * KB cookie 60 days). The HSA-TRUST cookie expires exactly when the trust grant does (§12), which is how a
 * client can see MFA expiry coming.
 */
final class WebAuthCookies {

    static final String TRUST_PREFIX = "X-APPLE-WEBAUTH-HSA-TRUST-";

    private static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    private static final Duration KB_LIFETIME = Duration.ofDays(60);

    private WebAuthCookies() {
    }

    /** Everything accountLogin sets. */
    static List<SetCookie> login(WebSession session, HsaStatus hsa, Instant now, CookieScope scope) {
        WebCookieValues v = session.cookies();
        AccountState account = session.account();
        List<SetCookie> cookies = new ArrayList<>();
        cookies.add(new SetCookie("X-APPLE-UNIQUE-CLIENT-ID", v.uniqueClientId(), true, null, false, scope));
        cookies.add(new SetCookie("X-APPLE-WEBAUTH-LOGIN", v.webauthLogin(), true, null, true, scope));
        cookies.add(new SetCookie("X-APPLE-WEBAUTH-VALIDATE", v.webauthValidate(), true, null, false, scope));
        cookies.add(new SetCookie("X-APPLE-WEBAUTH-HSA-LOGIN", v.webauthHsaLogin(), true, null, true, scope));
        cookies.add(new SetCookie("X-APPLE-WEBAUTH-USER", "v=1:s=1:d=" + account.identity().dsid(), true,
                now.plus(SESSION_LIFETIME), true, scope));
        cookies.add(new SetCookie("X_APPLE_WEB_KB-" + account.identity().cookieId(), v.webKb(), true,
                now.plus(KB_LIFETIME), true, scope));
        cookies.addAll(refresh(session, hsa, now, scope));
        return cookies;
    }

    /** What validate re-sets: the session cookies and, while trusted, the trust cookie. */
    static List<SetCookie> refresh(WebSession session, HsaStatus hsa, Instant now, CookieScope scope) {
        WebCookieValues v = session.cookies();
        List<SetCookie> cookies = new ArrayList<>();
        cookies.add(new SetCookie("X-APPLE-WEBAUTH-VALIDATE", v.webauthValidate(), true, null, false, scope));
        cookies.add(new SetCookie(WebSessions.WEBAUTH_TOKEN, v.webauthToken(), true, now.plus(SESSION_LIFETIME), true,
                scope));
        cookies.add(new SetCookie(WebSessions.DS_WEB_SESSION_TOKEN, v.dsWebSessionToken(), true,
                now.plus(SESSION_LIFETIME), true, scope));
        if (hsa.trustedBrowser() && hsa.trustExpiresAt() != null) {
            cookies.add(new SetCookie(TRUST_PREFIX + session.account().identity().cookieId(), v.hsaTrust(), true,
                    hsa.trustExpiresAt(), true, scope));
        }
        return cookies;
    }
}
