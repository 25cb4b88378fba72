package io.github.camelicloud.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelicloud.testing.Cassette.Interaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP server on 127.0.0.1 that replays recorded icloudpd cassettes to our real client.
 *
 * <p>Point the client at {@link #baseUrl()}: idmsa/setup calls go to {@code BASE/appleauth/auth/...}
 * and {@code BASE/setup/ws/1/...}; other hosts are reached through the rewritten URLs in response
 * bodies, {@code BASE/_host/<host>/<path>} (see {@link HostMapping}, {@link ResponsePlayback}).
 *
 * <p>Matching (looser than vcrpy's, on purpose: our query parameters need not equal icloudpd's):
 * <ol>
 *   <li>method + path, mapped back to the recorded host; query strings are ignored and paths are
 *       compared percent-decoded (so {@code $%7Bf%7D} matches {@code ${f}});</li>
 *   <li>each interaction plays at most once; among unplayed candidates the one whose recorded
 *       body best matches ours wins ({@link QueryFeatures}), then recorded order;</li>
 *   <li>when all candidates are played the last one played is repeated (a client retrying a 503
 *       keeps getting 503) and counted in {@link #repeats()};</li>
 *   <li>no candidate at all: status 599, text body {@code no recorded interaction for METHOD URL},
 *       listed in {@link #unmatched()}.</li>
 * </ol>
 * Limits of the JDK server: header names are sent case-normalised ({@code scnt} becomes
 * {@code Scnt}), the reason phrase is the standard one, not the recorded one, and {@code Date} is
 * the current time. A 204 is sent without a body even where one was recorded.
 */
public final class CassetteReplayServer implements AutoCloseable {

    static final int NO_MATCH_STATUS = 599;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final List<Entry> entries;
    private final Map<String, Entry> lastPlayed = new HashMap<>();
    private final List<ReceivedRequest> requests = new ArrayList<>();
    private final List<ReceivedRequest> unmatched = new ArrayList<>();
    private final List<Served> served = new ArrayList<>();
    private final List<Injected> overrides = new ArrayList<>();

    /** An answer given instead of the recording, for an error Apple was not recorded giving. */
    private record Injected(String method, String decodedPathSuffix, int status, String json) {
    }

    /** A recorded interaction plus its match key and play state. Guarded by the server's lock. */
    private static final class Entry {
        final Interaction interaction;
        final String key;
        final QueryFeatures features;
        boolean played;

        Entry(Interaction interaction) {
            this.interaction = interaction;
            HostMapping.Url url = HostMapping.Url.parse(interaction.request().uri());
            this.key = key(interaction.request().method(), HostMapping.localPath(url.host(), url.path()));
            this.features = QueryFeatures.of(interaction.request().body());
        }
    }

    private record Served(String method, String decodedPath, boolean repeat) {
    }

    private CassetteReplayServer(List<Interaction> interactions) throws IOException {
        this.entries = interactions.stream().map(Entry::new).collect(Collectors.toList());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cassette-replay-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor); // several threads: a client may download in parallel
        server.createContext("/", this::handle);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Loads the cassettes (in this order: recorded order across files) and starts serving. */
    public static CassetteReplayServer start(Path... cassettes) {
        List<Interaction> all = new ArrayList<>();
        for (Path cassette : cassettes) {
            all.addAll(Cassette.load(cassette).interactions());
        }
        try {
            CassetteReplayServer replay = new CassetteReplayServer(all);
            replay.server.start();
            return replay;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start replay server", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * From now on, answers {@code method} requests whose path ends in {@code pathSuffix} with this status
     * and JSON body instead of the recording (counted in {@link #requests()}, not in {@link #playCount}).
     */
    public synchronized CassetteReplayServer answer(String method, String pathSuffix, int status, String json) {
        overrides.add(new Injected(method.toUpperCase(), HostMapping.decodePath(pathSuffix), status, json));
        return this;
    }

    private synchronized Injected overrideFor(ReceivedRequest request) {
        for (Injected o : overrides) {
            if (o.method.equals(request.method()) && request.decodedPath().endsWith(o.decodedPathSuffix)) {
                requests.add(request);
                return o;
            }
        }
        return null;
    }

    /** Every request received so far, in arrival order. */
    public synchronized List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * How many requests with this method and a (percent-decoded) path ending in {@code pathSuffix}
     * were answered from the cassettes, repeats included.
     */
    public synchronized int playCount(String method, String pathSuffix) {
        String decodedSuffix = HostMapping.decodePath(pathSuffix);
        return (int) served.stream()
                .filter(s -> s.method.equalsIgnoreCase(method) && s.decodedPath.endsWith(decodedSuffix))
                .count();
    }

    /** How many answers re-played an already used interaction. */
    public synchronized int repeats() {
        return (int) served.stream().filter(Served::repeat).count();
    }

    /** Recorded interactions never played, in recorded order. */
    public synchronized List<Interaction> unplayed() {
        return entries.stream().filter(e -> !e.played).map(e -> e.interaction).collect(Collectors.toList());
    }

    /** Requests that had no recorded interaction at all (answered 599). */
    public synchronized List<ReceivedRequest> unmatched() {
        return List.copyOf(unmatched);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- serving

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ReceivedRequest request = receive(exchange);
            Injected override = overrideFor(request);
            if (override != null) {
                byte[] json = override.json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
                send(exchange, override.status, json, 0, json.length);
                return;
            }
            Interaction match = choose(request);
            if (match == null) {
                byte[] text = ("no recorded interaction for " + request.method() + " " + baseUrl
                        + request.pathAndQuery()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                send(exchange, NO_MATCH_STATUS, text, 0, text.length);
                return;
            }
            ResponsePlayback out = ResponsePlayback.of(match, request.header("Range"), baseUrl);
            out.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            send(exchange, out.status(), out.body(), out.offset(), out.length());
        } catch (RuntimeException | Error e) {
            // the JDK server would swallow it and reset the connection: make the cause visible
            System.err.println("[cassette-replay] " + e);
            e.printStackTrace();
            throw e;
        }
    }

    private static ReceivedRequest receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new ReceivedRequest(exchange.getRequestMethod().toUpperCase(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                new String(body, StandardCharsets.UTF_8));
    }

    /** Picks (and marks played) the interaction answering {@code request}; null when none exists. */
    private synchronized Interaction choose(ReceivedRequest request) {
        requests.add(request);
        String key = key(request.method(), request.path());
        QueryFeatures ours = QueryFeatures.of(request.body());
        Entry best = null;
        int bestScore = -1;
        for (Entry e : entries) {
            if (!e.played && e.key.equals(key)) {
                int score = e.features.score(ours);
                if (score > bestScore) { // strict: ties keep the earliest recorded
                    best = e;
                    bestScore = score;
                }
            }
        }
        boolean repeat = false;
        if (best == null) {
            best = lastPlayed.get(key);
            repeat = true;
        }
        if (best == null) {
            unmatched.add(request);
            return null;
        }
        best.played = true;
        lastPlayed.put(key, best);
        served.add(new Served(request.method(), request.decodedPath(), repeat));
        return best.interaction;
    }

    private static String key(String method, String rawLocalPath) {
        return method.toUpperCase() + " " + HostMapping.normalizeLocalPath(rawLocalPath);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, int offset, int length) throws IOException {
        boolean bodyless = status == 204 || status == 304 || status < 200 || "HEAD".equals(exchange.getRequestMethod());
        // JDK server: -1 means "no body" (Content-Length: 0); 0 would mean chunked
        exchange.sendResponseHeaders(status, bodyless || length == 0 ? -1 : length);
        if (!bodyless && length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, offset, length);
            }
        }
    }
}
