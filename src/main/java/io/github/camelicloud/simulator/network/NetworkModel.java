package io.github.camelicloud.simulator.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.http.Wire;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The network between clients and the simulator ({@link NetworkProfile}), applied to every answer: each request
 * waits one round trip before its answer starts (a new connection waits its handshakes too), each body streams
 * through its connection's token bucket and the link's. A connection is known by the client's address and port.
 * Also counts what crossed the wire: {@code GET /_simulator/network} (hooks excluded, and never shaped),
 * {@code DELETE /_simulator/network} starts the counts again.
 */
public final class NetworkModel implements Wire, RouteModule {

    static final String HOOKS = "/_simulator/";

    /** A connection idle this long (since its last answer ended) is forgotten: its port may come back as a new one. */
    private static final long IDLE_NANOS = 120_000_000_000L;

    private final NetworkProfile profile;
    private final int handshakeRoundTrips;
    private final Time time;
    private final TokenBucket link;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder opened = new LongAdder();

    private final class Connection {
        final AtomicBoolean fresh = new AtomicBoolean(true);
        final TokenBucket bucket = profile.perConnection() > 0 ? bucket(profile.perConnection()) : null;
        volatile long lastUse = time.nanoTime();
    }

    /** @param tls whether connections pay TLS's handshake too (Apple-host mode) */
    public NetworkModel(NetworkProfile profile, boolean tls, Time time) {
        this.profile = profile;
        this.handshakeRoundTrips = NetworkProfile.HANDSHAKE_ROUND_TRIPS
                + (tls ? NetworkProfile.TLS_HANDSHAKE_ROUND_TRIPS : 0);
        this.time = time;
        this.link = profile.link() > 0 ? bucket(profile.link()) : null;
    }

    public NetworkModel(NetworkProfile profile, boolean tls) {
        this(profile, tls, Time.SYSTEM);
    }

    public NetworkProfile profile() {
        return profile;
    }

    /** A burst of 20 ms at the rate (at least 64 KiB): absorbs the sleeps' jitter, too short to be seen. */
    private TokenBucket bucket(long rate) {
        return new TokenBucket(rate, Math.max(64 * 1024, rate / 50), time);
    }

    @Override
    public Leg arrive(HttpExchange exchange) throws IOException {
        try {
            return arrive(String.valueOf(exchange.getRemoteAddress()), exchange.getRequestURI().getPath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("simulator stopping");
        }
    }

    /** A request from {@code remote} (address:port, one per connection) for {@code path}. */
    Leg arrive(String remote, String path) throws InterruptedException {
        if (path.startsWith(HOOKS)) {
            return raw -> raw;
        }
        requests.increment();
        Connection connection = connection(remote);
        int roundTrips = 1 + (connection.fresh.getAndSet(false) ? handshakeRoundTrips : 0);
        time.sleepNanos(profile.latency().toNanos() * roundTrips);
        return raw -> new ShapedOutputStream(raw, connection.bucket, link, bytes,
                () -> connection.lastUse = time.nanoTime());
    }

    private Connection connection(String remote) {
        long now = time.nanoTime();
        Connection connection = connections.get(remote);
        if (connection == null) {
            connections.values().removeIf(c -> now - c.lastUse > IDLE_NANOS);
            connection = connections.computeIfAbsent(remote, r -> {
                opened.increment();
                return new Connection();
            });
        }
        connection.lastUse = now;
        return connection;
    }

    /** Requests answered (hooks excluded) since the start or the last reset. */
    public long requests() {
        return requests.sum();
    }

    /** Body bytes sent (hooks excluded) since the start or the last reset. */
    public long bytes() {
        return bytes.sum();
    }

    /** Connections seen since the start or the last reset. */
    public long connectionsOpened() {
        return opened.sum();
    }

    public void reset() {
        requests.reset();
        bytes.reset();
        opened.reset();
    }

    @Override
    public void register(Router router) {
        router.add("GET", HOOKS + "network", request -> Response.prettyJson(200, json()));
        router.add("DELETE", HOOKS + "network", request -> {
            reset();
            return Response.prettyJson(200, json());
        });
    }

    private ObjectNode json() {
        ObjectNode root = Json.object();
        root.put("profile", profile.name());
        root.put("latencyMs", profile.latency().toMillis());
        root.put("perConnectionBytesPerSecond", profile.perConnection());
        root.put("linkBytesPerSecond", profile.link());
        root.put("handshakeRoundTrips", handshakeRoundTrips);
        root.put("requests", requests());
        root.put("bytes", bytes());
        root.put("connections", connectionsOpened());
        return root;
    }
}
