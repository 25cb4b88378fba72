package io.github.camelicloud.testing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as the replay server received it, so tests can assert on what the client really sent
 * (call order, headers, that no password is in a body or query, ...).
 *
 * @param path  raw request path, e.g. {@code /_host/cvws.icloud-content.com/B/.../$%7Bf%7D}
 * @param query raw query string, or null
 * @param headers case-insensitive names (the JDK server normalises their case anyway)
 * @param body  request body as UTF-8 text ("" when none)
 */
public record ReceivedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

    public ReceivedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** First value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Path plus query, relative to the server's base URL. */
    public String pathAndQuery() {
        return query == null ? path : path + "?" + query;
    }

    /** Percent-decoded path (so {@code $%7Bf%7D} reads {@code ${f}}). */
    public String decodedPath() {
        return HostMapping.decodePath(path);
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery();
    }
}
