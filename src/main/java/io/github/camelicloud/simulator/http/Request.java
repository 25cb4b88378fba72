package io.github.camelicloud.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the handlers see it: already read in full, headers case-insensitive.
 *
 * @param method  upper-case method
 * @param path    decoded path without query, no trailing slash (except the root)
 * @param query   decoded query parameters (first value wins)
 * @param headers header values by case-insensitive name
 * @param body    raw body bytes (empty when none)
 */
public record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
        byte[] body) {

    public Request {
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    /** Builds a request from a raw path with an optional query string (used by the dispatcher and tests). */
    public static Request of(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        return new Request(method, normalisePath(rawPath), parseQuery(rawQuery), headers, body);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** Cookies sent by the client; surrounding double quotes are removed so quoted and bare values compare equal. */
    public Map<String, String> cookies() {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers.getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                cookies.putIfAbsent(name, value);
            }
        }
        return cookies;
    }

    /** The body parsed as JSON; an empty or unparsable body gives a JSON null (callers decide what that means). */
    public JsonNode json() {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node == null ? NullNode.getInstance() : node;
        } catch (java.io.IOException e) {
            return NullNode.getInstance();
        }
    }

    static String normalisePath(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
