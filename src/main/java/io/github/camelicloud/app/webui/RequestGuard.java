package io.github.camelicloud.app.webui;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/**
 * What every request to the web page must pass, on every address: a host name the page answers ({@link HostNames};
 * DNS rebinding), for a post its own origin ({@code Sec-Fetch-Site}, {@code Origin}: another site's form), and, with
 * a login, a session; plus a limit on wrong passwords and on posts per client. {@code X-Forwarded-*} headers count
 * only from the configured reverse proxies.
 */
final class RequestGuard {

    private static final String COOKIE = "camelicloud-session";

    /** Why a request is refused. */
    record Refusal(int status, String message, long retryAfterSeconds) {
    }

    /** A request as the guard sees it: who sent it, under which name and scheme, and whether it may go on. */
    record Request(String client, String scheme, Optional<String> session, boolean signedIn,
            Optional<Refusal> refusal) {
    }

    private final WebUiSettings settings;
    private final Sessions sessions;
    private final AttemptLimiter wrongPasswords;
    private final AttemptLimiter posts;

    RequestGuard(WebUiSettings settings, Clock clock) {
        this.settings = settings;
        this.sessions = new Sessions(clock);
        this.wrongPasswords = new AttemptLimiter(5, Duration.ofMinutes(15), clock);
        this.posts = new AttemptLimiter(10, Duration.ofMinutes(1), clock);
    }

    boolean loginRequired() {
        return settings.login().isPresent();
    }

    Request inspect(Message in, boolean post) {
        String peer = peer(in.getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS));
        boolean proxied = settings.trustedProxies().contains(peer);
        String host = proxied ? first(in.getHeader("X-Forwarded-Host", String.class))
                .orElse(in.getHeader("Host", "", String.class)) : in.getHeader("Host", "", String.class);
        String scheme = proxied ? first(in.getHeader("X-Forwarded-Proto", String.class))
                .map(p -> p.toLowerCase(Locale.ROOT)).filter(p -> p.equals("https") || p.equals("http"))
                .orElse(settings.scheme()) : settings.scheme();
        String client = proxied ? last(in.getHeader("X-Forwarded-For", String.class)).orElse(peer) : peer;
        Optional<String> session = cookie(in.getHeader("Cookie", String.class));
        boolean signedIn = settings.login().isEmpty() || sessions.valid(session);
        return new Request(client, scheme, session, signedIn, refusal(in, post, host, scheme));
    }

    private Optional<Refusal> refusal(Message in, boolean post, String host, String scheme) {
        if (!HostNames.allows(settings.hostNames(), host)) {
            return Optional.of(new Refusal(403, "Refused: unknown host name. Open the page at its own address (add"
                    + " the name with --webui-hostname).", 0));
        }
        if (post) {
            String site = in.getHeader("Sec-Fetch-Site", String.class);
            String origin = in.getHeader("Origin", String.class);
            boolean foreignSite = site != null && !site.equals("same-origin") && !site.equals("none");
            boolean foreignOrigin = origin != null
                    && !origin.toLowerCase(Locale.ROOT).equals(scheme + "://" + host.toLowerCase(Locale.ROOT));
            if (foreignSite || foreignOrigin) {
                return Optional.of(new Refusal(403, "Refused: cross-site request. Open the page at its own address.",
                        0));
            }
        }
        return Optional.empty();
    }

    /** Seconds the client must wait before its next password counts, after too many wrong ones (0: now). */
    long loginWait(Request request) {
        return wrongPasswords.secondsToWait(request.client());
    }

    /** The session cookie when {@code password} is right; empty (counted per client) when wrong. */
    Optional<String> signIn(Request request, String password) {
        if (settings.login().isEmpty()) {
            return Optional.empty();
        }
        if (!settings.login().get().matches(password)) {
            wrongPasswords.record(request.client());
            return Optional.empty();
        }
        return Optional.of(COOKIE + "=" + sessions.open() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + Sessions.LIFETIME.toSeconds() + (request.scheme().equals("https") ? "; Secure" : ""));
    }

    /** Ends the session; the header that clears the cookie. */
    String signOut(Request request) {
        sessions.close(request.session());
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                + (request.scheme().equals("https") ? "; Secure" : "");
    }

    /** Seconds the client must wait before this post counts (0: it counts now). */
    long actionWait(Request request) {
        long wait = posts.secondsToWait(request.client());
        if (wait == 0) {
            posts.record(request.client());
        }
        return wait;
    }

    private static String peer(Object address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        if (address instanceof io.vertx.core.net.SocketAddress vertx && vertx.hostAddress() != null) {
            return vertx.hostAddress();
        }
        return address instanceof SocketAddress s ? s.toString() : String.valueOf(address);
    }

    private static Optional<String> cookie(String header) {
        if (header == null) {
            return Optional.empty();
        }
        return Arrays.stream(header.split(";")).map(String::trim).filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1)).filter(v -> !v.isEmpty()).findFirst();
    }

    private static Optional<String> first(String header) {
        return header == null ? Optional.empty()
                : Optional.of(header.split(",")[0].trim()).filter(v -> !v.isEmpty());
    }

    /** The address the trusted proxy appended (the last one; the ones before it are the client's word). */
    private static Optional<String> last(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] all = header.split(",");
        return Optional.of(all[all.length - 1].trim()).filter(v -> !v.isEmpty());
    }
}
