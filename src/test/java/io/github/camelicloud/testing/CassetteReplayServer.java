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
import java.util.List;
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
 * <p>Matching is icloudpd's (vcrpy with {@code record_mode="none"}, its default {@code match_on}):
 * <ol>
 *   <li>method, host (mapped back from the local path), path (compared percent-decoded, so
 *       {@code $%7Bf%7D} matches {@code ${f}}) and query, as a list of decoded name/value pairs in any
 *       order; headers and bodies are not compared;</li>
 *   <li>each interaction plays once; among unplayed ones with the same key the one whose recorded body best
 *       matches ours ({@link QueryFeatures}), then recorded order, answers;</li>
 *   <li>nothing left to play: status 599, text body {@code no recorded interaction for METHOD URL},
 *       listed in {@link #unmatched()}.</li>
 * </ol>
 * {@link #close()} fails the test (an {@link AssertionError}) when a request went unanswered, unless the test
 * declared it a known difference from icloudpd ({@link #mayAskUnrecorded}); with {@link #everyRecordingIsUsed()}
 * also when a recording was left unplayed that the test did not let go ({@link #mayLeaveUnplayed}).
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
    private final List<java.util.function.Predicate<Interaction>> mayLeave = new ArrayList<>();
    private final List<java.util.function.Predicate<ReceivedRequest>> mayAsk = new ArrayList<>();
    private final List<java.util.function.Predicate<ReceivedRequest>> mayRepeat = new ArrayList<>();
    private final java.util.Map<String, Entry> lastPlayed = new java.util.HashMap<>();
    private boolean everyRecordingIsUsed;
    private int repeats;
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
            this.key = key(interaction.request().method(), HostMapping.localPath(url.host(), url.path()), url.query());
            this.features = QueryFeatures.of(interaction.request().body());
        }
    }

    private record Served(String method, String decodedPath) {
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

    /**
     * {@code method} requests whose path ends in {@code pathSuffix} that no recording answers, on purpose: a call
     * Apple's 2026 protocol needs that the older recordings lack, or one our client makes more often than
     * icloudpd (each declared where it is used, with the reason). They still get the 599 answer.
     */
    public synchronized CassetteReplayServer mayAskUnrecorded(String method, String pathSuffix) {
        String decodedSuffix = HostMapping.decodePath(pathSuffix);
        mayAsk.add(r -> r.method().equalsIgnoreCase(method) && r.decodedPath().endsWith(decodedSuffix));
        return this;
    }

    /**
     * The web app's page ({@code GET /}), which our client reads at a password sign-in for the current build number
     * (Apple's 2026 change, {@code WebAppBuild}) and icloudpd's recordings lack; unanswered, the client keeps its
     * built-in build. Matched exactly, unlike the suffixes above.
     */
    public synchronized CassetteReplayServer mayReadTheWebAppPage() {
        mayAsk.add(r -> r.method().equalsIgnoreCase("GET") && r.decodedPath().equals("/"));
        return this;
    }

    /**
     * {@code method} requests whose path ends in {@code pathSuffix} that our client makes more often than icloudpd
     * did: once their recordings are used up, the last one played answers again (counted in {@link #repeats()}).
     * Each declaration is a known difference, named where it is declared.
     */
    public synchronized CassetteReplayServer mayRepeat(String method, String pathSuffix) {
        String decodedSuffix = HostMapping.decodePath(pathSuffix);
        mayRepeat.add(r -> r.method().equalsIgnoreCase(method) && r.decodedPath().endsWith(decodedSuffix));
        return this;
    }

    /** How many answers re-played a used recording ({@link #mayRepeat}). */
    public synchronized int repeats() {
        return repeats;
    }

    /** {@link #close()} also fails when a recording is left unplayed (besides those {@link #mayLeaveUnplayed}). */
    public synchronized CassetteReplayServer everyRecordingIsUsed() {
        everyRecordingIsUsed = true;
        return this;
    }

    /**
     * Recordings of {@code method} requests whose path ends in {@code pathSuffix} that this test may leave
     * unplayed (its scenario stops before icloudpd's did); {@link #close()} does not count them.
     */
    public synchronized CassetteReplayServer mayLeaveUnplayed(String method, String pathSuffix) {
        String decodedSuffix = HostMapping.decodePath(pathSuffix);
        mayLeave.add(i -> i.request().method().equalsIgnoreCase(method)
                && HostMapping.decodePath(HostMapping.Url.parse(i.request().uri()).path()).endsWith(decodedSuffix));
        return this;
    }

    /** Recorded interactions never played, in recorded order. */
    public synchronized List<Interaction> unplayed() {
        return entries.stream().filter(e -> !e.played).map(e -> e.interaction).collect(Collectors.toList());
    }

    /** Requests that had no recorded interaction left (answered 599). */
    public synchronized List<ReceivedRequest> unmatched() {
        return List.copyOf(unmatched);
    }

    /**
     * Stops the server, then fails when a request had no recording to answer it (and was not declared with
     * {@link #mayAskUnrecorded}), or, with {@link #everyRecordingIsUsed()}, a recording the test did not let go
     * ({@link #mayLeaveUnplayed}) was never played: the client did not do what icloudpd did against the same
     * answers.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        List<ReceivedRequest> unanswered = unmatched().stream()
                .filter(r -> mayAsk.stream().noneMatch(p -> p.test(r))).toList();
        List<String> left = !everyRecordingIsUsed ? List.of() : unplayed().stream()
                .filter(i -> mayLeave.stream().noneMatch(p -> p.test(i)))
                .map(i -> i.request().method() + " " + i.request().uri()).toList();
        if (!unanswered.isEmpty() || !left.isEmpty()) {
            throw new AssertionError("the client's requests differ from the recording: "
                    + (unanswered.isEmpty() ? "" : "no recording answers " + unanswered + "; ")
                    + (left.isEmpty() ? "" : "never played: " + left));
        }
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

    /**
     * Picks (and marks played) an unplayed interaction with the request's key; null when none is left. Among
     * several (CloudKit answers every query on one URL) the one whose recorded body matches ours best wins, then
     * recorded order: our client may ask in another order than icloudpd (albums in parallel), never more often.
     */
    private synchronized Interaction choose(ReceivedRequest request) {
        requests.add(request);
        String key = key(request.method(), request.path(), request.query());
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
        if (best == null && mayRepeat.stream().anyMatch(p -> p.test(request))) {
            best = lastPlayed.get(key);
            repeats += best == null ? 0 : 1;
        }
        if (best == null) {
            unmatched.add(request);
            return null;
        }
        best.played = true;
        lastPlayed.put(key, best);
        served.add(new Served(request.method(), request.decodedPath()));
        return best.interaction;
    }

    /** Method, canonical path, and the decoded query pairs sorted (vcrpy compares them as an unordered list). */
    private static String key(String method, String rawLocalPath, String rawQuery) {
        List<String> pairs = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                pairs.add(decodeQuery(name) + "=" + decodeQuery(value));
            }
        }
        pairs.sort(null);
        return method.toUpperCase() + " " + HostMapping.normalizeLocalPath(rawLocalPath) + " " + pairs;
    }

    private static String decodeQuery(String raw) {
        return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
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
