package io.github.camelicloud.client.http;

import io.github.camelicloud.client.session.SessionState;
import io.github.camelicloud.client.session.StoredCookie;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/** OkHttp's view of the session's cookies. Values are kept byte for byte, quotes included (§2.4). */
final class SessionCookieJar implements CookieJar {

    private final SessionState session;
    private final Clock clock;

    SessionCookieJar(SessionState session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    @Override
    public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
        List<StoredCookie> stored = new ArrayList<>(cookies.size());
        for (Cookie c : cookies) {
            stored.add(new StoredCookie(c.name(), c.value(), c.domain(), c.hostOnly(), c.path(), c.secure(),
                    c.httpOnly(), c.persistent() ? c.expiresAt() : Long.MAX_VALUE));
        }
        session.storeCookies(stored, clock.millis());
    }

    @Override
    public List<Cookie> loadForRequest(HttpUrl url) {
        List<Cookie> result = new ArrayList<>();
        for (StoredCookie s : session.cookies(clock.millis(), c -> true)) {
            Cookie cookie = toOkHttp(s);
            if (cookie != null && cookie.matches(url)) {
                result.add(cookie);
            }
        }
        return result;
    }

    private static Cookie toOkHttp(StoredCookie s) {
        try {
            Cookie.Builder b = new Cookie.Builder().name(s.name()).value(s.value()).path(s.path());
            if (s.hostOnly()) {
                b.hostOnlyDomain(s.domain());
            } else {
                b.domain(s.domain());
            }
            if (s.expiresAt() != Long.MAX_VALUE) {
                b.expiresAt(s.expiresAt());
            }
            if (s.secure()) {
                b.secure();
            }
            if (s.httpOnly()) {
                b.httpOnly();
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            return null; // a cookie OkHttp cannot represent (odd domain or characters) is simply not sent
        }
    }
}
