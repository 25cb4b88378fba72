package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.ICloudException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web page: Camel's platform-http (Vert.x), on loopback by default, optionally with TLS. Every request passes
 * {@link RequestGuard} (its host name, another site's posts, the login); then one page and the POST forms it shows.
 */
public final class WebUiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebUiServer.class);

    private final CamelContext camel;
    private final String address;

    private WebUiServer(CamelContext camel, String address) {
        this.camel = camel;
        this.address = address;
    }

    /**
     * Starts serving the cards of {@code accounts} (a live list: an account added later shows up) and {@code board};
     * fails with a clear message, before anything waits on it, when
     * the address cannot be bound (the port is another program's: it would get the codes and passwords typed).
     */
    static WebUiServer start(WebUiSettings settings, List<WebUiState> accounts, PassBoard board) {
        String where = settings.host() + ":" + settings.port();
        String hint = "Choose another port with --webui-port, or another address with --webui-host.";
        PortCheck.bindable(settings.host(), settings.port(), "the web page", hint);
        VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
        config.setBindHost(settings.host());
        config.setBindPort(settings.port());
        config.setMaxBodySize(16_384L);
        settings.tls().ifPresent(tls -> config.setSslContextParameters(tls.contextParameters()));
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServer http = new VertxPlatformHttpServer(config);
        try {
            camel.addService(http);
            camel.addRoutes(new Routes(new RequestGuard(settings, Clock.systemUTC()), accounts, board));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            LOG.debug("Web page start failed", e);
            throw new ICloudException("Cannot start the web page on " + where + " (" + e.getMessage() + "). " + hint);
        }
        int port = http.getServer() == null ? -1 : http.getServer().actualPort();
        if (port <= 0) { // Vert.x reports a failed bind on its own thread only
            camel.stop();
            throw new ICloudException("Cannot start the web page on " + where + ": the address is in use or not"
                    + " available. " + hint);
        }
        String host = settings.host();
        String shownHost = host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : host.contains(":") ? "[" + host + "]" : host;
        WebUiServer server = new WebUiServer(camel, settings.scheme() + "://" + shownHost + ":" + port + "/");
        LOG.info("Web UI on {}{}", server.address, settings.login().isPresent() ? " (login required)" : "");
        return server;
    }

    public String address() {
        return address;
    }

    @Override
    public void close() {
        camel.stop();
    }

    private static final class Routes extends RouteBuilder {
        private final RequestGuard guard;
        private final List<WebUiState> accounts;
        private final PassBoard board;

        Routes(RequestGuard guard, List<WebUiState> accounts, PassBoard board) {
            this.guard = guard;
            this.accounts = accounts;
            this.board = board;
        }

        /**
         * The account a form is for (its hidden {@code account} field, the card's index; absent: the first), and
         * whether that account took what was typed; false for no such account.
         */
        private boolean forAccount(Map<String, String> form, Predicate<WebUiState> handler) {
            String field = form.get("account");
            int i = field == null ? 0 : index(field);
            return i >= 0 && i < accounts.size() && handler.test(accounts.get(i));
        }

        @Override
        public void configure() {
            from("platform-http:/?httpMethodRestrict=GET").routeId("webui-page").process(this::page);
            from("platform-http:/login?httpMethodRestrict=POST").routeId("webui-login").process(this::login);
            from("platform-http:/logout?httpMethodRestrict=POST").routeId("webui-logout").process(this::logout);
            from("platform-http:/password?httpMethodRestrict=POST").routeId("webui-password")
                    .process(e -> post(e, form -> forAccount(form,
                            s -> s.supplyPassword(form.getOrDefault("password", "")))));
            from("platform-http:/code?httpMethodRestrict=POST").routeId("webui-code")
                    .process(e -> post(e, form -> forAccount(form,
                            s -> s.supplyCode(form.getOrDefault("code", "").trim()))));
            from("platform-http:/sms?httpMethodRestrict=POST").routeId("webui-sms")
                    .process(e -> post(e, form -> forAccount(form, s -> s.requestSms(index(form.get("phone"))))));
            from("platform-http:/sync?httpMethodRestrict=POST").routeId("webui-sync")
                    .process(e -> post(e, form -> board.syncNow(index(form.get("route")))));
        }

        private void page(Exchange exchange) {
            RequestGuard.Request request = guard.inspect(exchange.getMessage(), false);
            if (refused(exchange, request)) {
                return;
            }
            String html = request.signedIn()
                    ? StatusPage.render(accounts.stream().map(WebUiState::snapshot).toList(), board.views(),
                            guard.loginRequired(), Clock.systemUTC())
                    : StatusPage.login("");
            respond(exchange, 200, "text/html; charset=utf-8", html);
        }

        private void login(Exchange exchange) {
            RequestGuard.Request request = guard.inspect(exchange.getMessage(), true);
            if (refused(exchange, request)) {
                return;
            }
            long wait = guard.loginWait(request);
            if (wait > 0) {
                respond(exchange, 429, "text/html; charset=utf-8", StatusPage.login("Too many wrong passwords: wait "
                        + wait + " s, then try again."));
                exchange.getMessage().setHeader("Retry-After", wait);
                return;
            }
            Optional<String> cookie = guard.signIn(request, form(exchange.getMessage().getBody())
                    .getOrDefault("password", ""));
            if (cookie.isEmpty()) {
                respond(exchange, 401, "text/html; charset=utf-8", StatusPage.login("Wrong password."));
                return;
            }
            redirect(exchange, "/");
            exchange.getMessage().setHeader("Set-Cookie", cookie.get());
        }

        private void logout(Exchange exchange) {
            RequestGuard.Request request = guard.inspect(exchange.getMessage(), true);
            if (refused(exchange, request)) {
                return;
            }
            redirect(exchange, "/");
            exchange.getMessage().setHeader("Set-Cookie", guard.signOut(request));
        }

        /** Hands the form to its handler and sends the browser back to the page (303: a reload does not re-post). */
        private void post(Exchange exchange, Predicate<Map<String, String>> handler) {
            RequestGuard.Request request = guard.inspect(exchange.getMessage(), true);
            if (refused(exchange, request)) {
                return;
            }
            if (!request.signedIn()) {
                respond(exchange, 403, "text/plain; charset=utf-8", "Refused: sign in to the page first.\n");
                return;
            }
            long wait = guard.actionWait(request);
            if (wait > 0) {
                respond(exchange, 429, "text/plain; charset=utf-8", "Too many requests: wait " + wait + " s.\n");
                exchange.getMessage().setHeader("Retry-After", wait);
                return;
            }
            boolean accepted = handler.test(form(exchange.getMessage().getBody()));
            redirect(exchange, accepted ? "/" : "/?rejected");
        }

        private boolean refused(Exchange exchange, RequestGuard.Request request) {
            request.refusal().ifPresent(r -> {
                respond(exchange, r.status(), "text/plain; charset=utf-8", r.message() + "\n");
                if (r.retryAfterSeconds() > 0) {
                    exchange.getMessage().setHeader("Retry-After", r.retryAfterSeconds());
                }
            });
            return request.refusal().isPresent();
        }

        private static void redirect(Exchange exchange, String location) {
            respond(exchange, 303, null, "");
            exchange.getMessage().setHeader("Location", location);
        }

        private static void respond(Exchange exchange, int status, String type, String body) {
            Message out = exchange.getMessage();
            out.removeHeaders("*");
            out.setHeader("Cache-Control", "no-store");
            out.setHeader("X-Frame-Options", "DENY");
            out.setHeader("X-Content-Type-Options", "nosniff");
            out.setHeader("Referrer-Policy", "same-origin"); // no-referrer would make a form's Origin "null"
            out.setHeader("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
            if (type != null) {
                out.setHeader(Exchange.CONTENT_TYPE, type);
            }
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            out.setBody(body);
        }

        /** platform-http hands a form over as a map (a repeated field as a list: its first value counts). */
        private static Map<String, String> form(Object body) {
            Map<String, String> fields = new HashMap<>();
            if (body instanceof Map<?, ?> map) {
                map.forEach((name, value) -> {
                    Object first = value instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : value;
                    if (first != null) {
                        fields.put(String.valueOf(name), String.valueOf(first));
                    }
                });
            }
            return fields;
        }

        private static int index(String text) {
            try {
                return text == null ? -1 : Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
