package io.github.camelicloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A real HTTP server on 127.0.0.1 and a free port (the JDK's) that records every request it receives and answers
 * 200 "ok", or what {@link #answer} says: the peer of a webhook, an ntfy server, a healthchecks.io-style ping
 * service or Telegram's Bot API. Use through {@link RecordingHttpExtension}.
 */
public final class RecordingHttpServer implements AutoCloseable {

    /** An answer: status, content type, body. */
    public record Answer(int status, String contentType, String body) {
        public static Answer ok(String body) {
            return new Answer(200, "text/plain; charset=utf-8", body);
        }

        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private volatile Function<ReceivedRequest, Answer> answers = r -> Answer.ok("ok");

    public RecordingHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads); // a long poll (getUpdates) must not hold the other requests
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** From now on, requests are answered by {@code answers}. */
    public void answer(Function<ReceivedRequest, Answer> answers) {
        this.answers = answers;
    }

    /** Everything received so far, in order. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(received);
    }

    /** The requests received so far whose path starts with {@code prefix}. */
    public List<ReceivedRequest> requests(String prefix) {
        return received.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    /** The JSON bodies of the requests whose path starts with {@code prefix} (a webhook's events), in order. */
    public List<JsonNode> json(String prefix) {
        return requests(prefix).stream().map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + r.body(), e);
            }
        }).toList();
    }

    /** Waits until what was received satisfies {@code condition} (30 s at most) and returns it. */
    public List<ReceivedRequest> await(String what, Predicate<List<ReceivedRequest>> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.test(requests())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within 30 s; received: " + requests());
            }
            Thread.sleep(50);
        }
        return requests();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ReceivedRequest request = new ReceivedRequest(exchange.getRequestMethod(), exchange.getRequestURI()
                    .getRawPath(), exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            received.add(request);
            Answer answer = answers.apply(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
