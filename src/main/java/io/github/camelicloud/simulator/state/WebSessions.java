package io.github.camelicloud.simulator.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live web sessions, found from the cookies a client sends. */
public final class WebSessions {

    public static final String DS_WEB_SESSION_TOKEN = "X-APPLE-DS-WEB-SESSION-TOKEN";
    public static final String WEBAUTH_TOKEN = "X-APPLE-WEBAUTH-TOKEN";

    private final Tokens tokens;
    private final Map<String, WebSession> byDsToken = new ConcurrentHashMap<>();
    private final Map<String, WebSession> byWebauthToken = new ConcurrentHashMap<>();

    public WebSessions(Tokens tokens) {
        this.tokens = tokens;
    }

    public WebSession create(AuthSession auth, Instant now) {
        WebCookieValues values = new WebCookieValues(tokens.base64(48), "v=2:t=" + bst() + "~~",
                "v=1:t=" + bst() + "~~", "v=1:t=" + bst() + "~~", "v=2:t=" + bst() + "~~", "v=1:t=" + bst() + "~~",
                "HSARMTKNSRVXWFla" + tokens.base64Url(64), tokens.base64(2));
        WebSession session = new WebSession(values, auth, now);
        byDsToken.put(values.dsWebSessionToken(), session);
        byWebauthToken.put(values.webauthToken(), session);
        return session;
    }

    /** The live session named by X-APPLE-WEBAUTH-TOKEN or X-APPLE-DS-WEB-SESSION-TOKEN, if any. */
    public Optional<WebSession> find(Map<String, String> cookies) {
        for (WebSession candidate : new WebSession[] {lookup(byWebauthToken, cookies.get(WEBAUTH_TOKEN)),
                lookup(byDsToken, cookies.get(DS_WEB_SESSION_TOKEN))}) {
            if (candidate != null && !candidate.expired()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** True when the request carries neither web-session cookie at all (Apple words that differently). */
    public static boolean missingCookies(Map<String, String> cookies) {
        return !cookies.containsKey(WEBAUTH_TOKEN) && !cookies.containsKey(DS_WEB_SESSION_TOKEN);
    }

    public long liveCount() {
        return byDsToken.values().stream().filter(s -> !s.expired()).count();
    }

    public int expireAll() {
        int count = 0;
        for (WebSession session : List.copyOf(byDsToken.values())) {
            if (!session.expired()) {
                session.expire();
                count++;
            }
        }
        return count;
    }

    private static WebSession lookup(Map<String, WebSession> map, String value) {
        return value == null ? null : map.get(value);
    }

    private String bst() {
        // Apple's web tokens look like "Cw==BST_IAAAAAAABLw..."; only the opacity matters.
        return "Cw==BST_IAAAAAAABLw" + tokens.base64Url(48);
    }
}
