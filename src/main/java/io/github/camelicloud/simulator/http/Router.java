package io.github.camelicloud.simulator.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Exact-path routing: path, then method. Unknown path → 404, known path with another method → 405. */
public final class Router {

    private final Map<String, Map<String, Handler>> routes = new ConcurrentHashMap<>();

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

    public Router install(RouteModule module) {
        module.register(this);
        return this;
    }

    /** The handler for a request, or an answer explaining why there is none. */
    public Handler resolve(Request request) {
        Map<String, Handler> byMethod = routes.get(request.path());
        if (byMethod == null) {
            return r -> Response.text(404, Response.ICLOUD_HTML, "Not Found");
        }
        Optional<Handler> handler;
        synchronized (byMethod) {
            handler = Optional.ofNullable(byMethod.get(request.method()));
        }
        return handler.orElse(r -> Response.text(405, Response.ICLOUD_HTML, "Method Not Allowed"));
    }
}
