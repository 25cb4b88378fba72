package io.github.camelicloud.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bridges the JDK server to {@link Router}: reads the request, lets interceptors answer first, writes the reply. */
public final class Dispatcher implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final List<Interceptor> interceptors;
    private final Wire wire;

    public Dispatcher(Router router, List<Interceptor> interceptors) {
        this(router, interceptors, Wire.LOOPBACK);
    }

    /** @param wire how answers travel (the network model), {@link Wire#LOOPBACK} for as fast as possible */
    public Dispatcher(Router router, List<Interceptor> interceptors, Wire wire) {
        this.router = router;
        this.interceptors = List.copyOf(interceptors);
        this.wire = wire;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Wire.Leg leg = wire.arrive(exchange);
            Request request;
            try {
                request = read(exchange);
            } catch (IllegalArgumentException e) {
                // A malformed percent-escape in the query: answer rather than drop the connection.
                request = Request.of(exchange.getRequestMethod(), "/", null, java.util.Map.of(), new byte[0]);
                write(exchange, leg, request, Response.text(400, Response.ICLOUD_HTML, "Bad Request"));
                return;
            }
            Response response = answer(request);
            // Path only: query strings carry client ids and cookies carry tokens, neither belongs in a log.
            LOG.debug("{} {} -> {}", request.method(), request.path(), response.status());
            write(exchange, leg, request, response);
        }
    }

    Response answer(Request request) {
        try {
            for (Interceptor interceptor : interceptors) {
                Optional<Response> early = interceptor.intercept(request);
                if (early.isPresent()) {
                    return early.get();
                }
            }
            return router.resolve(request).handle(request);
        } catch (Exception e) {
            LOG.warn("{} {} failed", request.method(), request.path(), e);
            return Response.text(500, Response.ICLOUD_HTML, "Internal Server Error");
        }
    }

    private static Request read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        // URI.getPath() is already percent-decoded; the query stays raw and is decoded per parameter.
        return Request.of(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
    }

    private static void write(HttpExchange exchange, Wire.Leg leg, Request request, Response response)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        for (Response.Header header : response.headers()) {
            headers.add(header.name(), header.value());
        }
        if (response.stream() != null) {
            writeStream(exchange, leg, request, response);
            return;
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304
                || "HEAD".equals(request.method());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = leg.body(exchange.getResponseBody())) {
                out.write(body);
            }
        }
    }

    /** Fixed-length streaming: the body is produced while sent and never held in memory. */
    private static void writeStream(HttpExchange exchange, Wire.Leg leg, Request request, Response response)
            throws IOException {
        long length = response.stream().length();
        boolean noBody = length == 0 || "HEAD".equals(request.method());
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : length);
        if (noBody) {
            return;
        }
        try (OutputStream out = leg.body(exchange.getResponseBody())) {
            response.stream().writeTo(out);
        } catch (Response.DropConnection e) {
            // Escaping the handler makes the JDK server close the socket; a short body alone would leave it hanging.
            LOG.debug("{} {}: connection dropped: {}", request.method(), request.path(), e.getMessage());
            throw e;
        } catch (IOException e) {
            // Usually the client closing early (a cancelled or resumed download); nothing to answer any more.
            LOG.debug("{} {}: body not fully sent: {}", request.method(), request.path(), e.toString());
        }
    }
}
