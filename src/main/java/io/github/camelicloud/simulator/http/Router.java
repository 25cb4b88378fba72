package io.github.camelicloud.simulator.http;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Exact-path routing: path, then method; then prefix routes (longest prefix first) for paths that carry ids.
 * Unknown path → 404, known path with another method → 405.
 */
public final class Router {

    private final Map<String, Map<String, Handler>> routes = new ConcurrentHashMap<>();
    private final List<PrefixRoute> prefixes = new CopyOnWriteArrayList<>();

    private record PrefixRoute(String method, String prefix, Handler handler) {
    }

    public Router add(String method, String path, Handler handler) {
        Map<String, Handler> byMethod = routes.computeIfAbsent(Request.normalisePath(path),
                p -> new LinkedHashMap<>());
        synchronized (byMethod) {
            if (byMethod.putIfAbsent(method.toUpperCase(Locale.ROOT), handler) != null) {
                throw new IllegalStateException("route registered twice: " + method + " " + path);
            }
        }
        return this;
    }

    /** Every path starting with {@code prefix} (which should end in {@code /}) not matched exactly. */
    public Router addPrefix(String method, String prefix, Handler handler) {
        prefixes.add(new PrefixRoute(method.toUpperCase(Locale.ROOT), prefix, handler));
        prefixes.sort(Comparator.comparingInt((PrefixRoute r) -> r.prefix().length()).reversed());
        return this;
    }

    public Router install(RouteModule module) {
        module.register(this);
        return this;
    }

    /** The handler for a request, or an answer explaining why there is none. */
    public Handler resolve(Request request) {
        Map<String, Handler> byMethod = routes.get(request.path());
        if (byMethod == null) {
            return resolvePrefix(request);
        }
        Optional<Handler> handler;
        synchronized (byMethod) {
            handler = Optional.ofNullable(byMethod.get(request.method()));
        }
        return handler.orElse(r -> Response.text(405, Response.ICLOUD_HTML, "Method Not Allowed"));
    }

    private Handler resolvePrefix(Request request) {
        boolean pathKnown = false;
        for (PrefixRoute route : prefixes) {
            if (request.path().startsWith(route.prefix()) && request.path().length() > route.prefix().length()) {
                if (route.method().equals(request.method())) {
                    return route.handler();
                }
                pathKnown = true;
            }
        }
        return pathKnown ? r -> Response.text(405, Response.ICLOUD_HTML, "Method Not Allowed")
                : r -> Response.text(404, Response.ICLOUD_HTML, "Not Found");
    }
}
