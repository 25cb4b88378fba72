package io.github.camelicloud.simulator.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Interceptor;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the requests clients make, per endpoint ({@code POST /database/1/.../records/query}; every download as
 * {@code GET /B/*}), faulted ones included, hooks excluded: {@code GET /_simulator/stats} reads the counts,
 * {@code DELETE /_simulator/stats} starts again from zero. Benchmarks use it to count what a no-change poll costs.
 * The {@code Range} header of every download is kept too ({@code "none"} without one), in arrival order: what
 * tells a resume ({@code bytes=120000-}) from a full download again.
 */
public final class RequestStats implements Interceptor, RouteModule {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final java.util.Queue<String> downloadRanges = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public Optional<Response> intercept(Request request) {
        if (!request.path().startsWith(HooksModule.PREFIX + "/")) {
            counts.computeIfAbsent(endpoint(request), k -> new LongAdder()).increment();
            if (request.path().startsWith("/B/")) {
                downloadRanges.add(request.header("Range").orElse("none"));
            }
        }
        return Optional.empty();
    }

    static String endpoint(Request request) {
        String path = request.path().startsWith("/B/") ? "/B/*" : request.path();
        return request.method() + " " + path;
    }

    /** Requests per endpoint so far, sorted by endpoint. */
    public Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** The Range header of each download request so far ({@code "none"} when absent), in arrival order. */
    public java.util.List<String> downloadRanges() {
        return java.util.List.copyOf(downloadRanges);
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void reset() {
        counts.clear();
        downloadRanges.clear();
    }

    @Override
    public void register(Router router) {
        router.add("GET", HooksModule.PREFIX + "/stats", request -> Response.prettyJson(200, json()));
        router.add("DELETE", HooksModule.PREFIX + "/stats", request -> {
            reset();
            return Response.prettyJson(200, json());
        });
    }

    private ObjectNode json() {
        ObjectNode root = Json.object();
        root.put("total", total());
        ObjectNode by = root.putObject("byEndpoint");
        counts().forEach(by::put);
        com.fasterxml.jackson.databind.node.ArrayNode ranges = root.putArray("downloadRanges");
        downloadRanges().forEach(ranges::add);
        return root;
    }
}
