package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.ICloudException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The web UI: Camel's platform-http (Vert.x) on loopback by default, one status page and three POST forms.
 * Requests from other sites are refused (Origin / Sec-Fetch-Site), and on loopback only loopback host names
 * are answered, so a page elsewhere can neither post codes nor read the status through DNS rebinding.
 */
public final class WebUiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebUiServer.class);

    private final CamelContext camel;
    private final String address;

    private WebUiServer(CamelContext camel, String address) {
        this.camel = camel;
        this.address = address;
    }

    /** Starts serving {@code state} on {@code host:port}; fails with a clear message when the port is taken. */
    public static WebUiServer start(String host, int port, WebUiState state) {
        VertxPlatformHttpServerConfiguration config = new VertxPlatformHttpServerConfiguration();
        config.setBindHost(host);
        config.setBindPort(port);
        config.setMaxBodySize(16_384L);
        CamelContext camel = new DefaultCamelContext();
        Predicate<String> hostAllowed = HostNames.allowedFor(host);
        try {
            camel.addService(new VertxPlatformHttpServer(config));
            camel.addRoutes(new Routes(state, hostAllowed));
            camel.start();
        } catch (Exception e) {
            camel.stop();
            LOG.debug("Web UI start failed", e);
            throw new ICloudException("Cannot start the web UI on " + host + ":" + port + " (" + e.getMessage()
                    + "). Choose another port with --webui-port, or another address with --webui-host.");
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        WebUiServer server = new WebUiServer(camel, "http://" + ("0.0.0.0".equals(host) ? "localhost" : shownHost)
                + ":" + port + "/");
        LOG.info("Web UI on {}", server.address);
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
        private final WebUiState state;
        private final Predicate<String> hostAllowed;

        Routes(WebUiState state, Predicate<String> hostAllowed) {
            this.state = state;
            this.hostAllowed = hostAllowed;
        }

        @Override
        public void configure() {
            from("platform-http:/?httpMethodRestrict=GET").routeId("webui-page").process(this::page);
            from("platform-http:/password?httpMethodRestrict=POST").routeId("webui-password")
                    .process(e -> post(e, form -> state.supplyPassword(form.getOrDefault("password", ""))));
            from("platform-http:/code?httpMethodRestrict=POST").routeId("webui-code")
                    .process(e -> post(e, form -> state.supplyCode(form.getOrDefault("code", "").trim())));
            from("platform-http:/sms?httpMethodRestrict=POST").routeId("webui-sms")
                    .process(e -> post(e, form -> state.requestSms(index(form.getOrDefault("phone", "")))));
        }

        private void page(Exchange exchange) {
            if (refused(exchange, false)) {
                return;
            }
            Message out = exchange.getMessage();
            String html = StatusPage.render(state.snapshot(), Clock.systemUTC());
            out.removeHeaders("*");
            secure(out);
            out.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setBody(html);
        }

        /** Hands the form to the state and sends the browser back to the page (303: a reload does not re-post). */
        private void post(Exchange exchange, Predicate<Map<String, String>> handler) {
            if (refused(exchange, true)) {
                return;
            }
            Map<String, String> form = form(exchange.getMessage().getBody());
            boolean accepted = handler.test(form);
            Message out = exchange.getMessage();
            out.removeHeaders("*");
            secure(out);
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
            out.setHeader("Location", accepted ? "/" : "/?rejected");
            out.setBody("");
        }

        private boolean refused(Exchange exchange, boolean post) {
            Message in = exchange.getMessage();
            String host = in.getHeader("Host", "", String.class);
            String origin = in.getHeader("Origin", String.class);
            String site = in.getHeader("Sec-Fetch-Site", String.class);
            String reason = null;
            if (!hostAllowed.test(host)) {
                reason = "unknown host name";
            } else if (post && site != null) { // the browser's own verdict, where it gives one
                reason = site.equals("same-origin") || site.equals("none") ? null : "cross-site request";
            } else if (post && origin != null && !origin.equals("http://" + host)) {
                reason = "cross-site request";
            }
            if (reason == null) {
                return false;
            }
            Message out = exchange.getMessage();
            out.removeHeaders("*");
            secure(out);
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 403);
            out.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            out.setBody("Refused: " + reason + ". Open the page at its own address.\n");
            return true;
        }

        private static void secure(Message out) {
            out.setHeader("Cache-Control", "no-store");
            out.setHeader("X-Frame-Options", "DENY");
            out.setHeader("X-Content-Type-Options", "nosniff");
            out.setHeader("Referrer-Policy", "same-origin"); // no-referrer would make a form's Origin "null"
            out.setHeader("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
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
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
