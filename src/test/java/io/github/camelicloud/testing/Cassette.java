package io.github.camelicloud.testing;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * One vcrpy cassette, parsed into immutable records.
 *
 * <p>Format quirks handled here: scalars tagged {@code !!python/unicode} (read as plain strings),
 * bodies stored either as {@code body: '...'} or {@code body: {string: ...}}, {@code !!binary}
 * base64 bodies (downloads, and one empty 204 body), header values that are a single scalar
 * instead of a list, and files over SnakeYAML's default 3 MB code-point limit.
 */
public record Cassette(Path source, List<Interaction> interactions) {

    private static final ObjectMapper YAML = yamlMapper();
    /** Cassettes are immutable and some are 4 MB of YAML: parse each file once per JVM. */
    private static final Map<Path, Cassette> CACHE = new ConcurrentHashMap<>();

    public Cassette {
        interactions = List.copyOf(interactions);
    }

    /** Parses (or returns the already parsed) cassette at {@code path}. */
    public static Cassette load(Path path) {
        return CACHE.computeIfAbsent(path.toAbsolutePath().normalize(), Cassette::parse);
    }

    /** File name without {@code .yml}. */
    public String name() {
        return source.getFileName().toString().replaceFirst("\\.yml$", "");
    }

    /** One recorded request/response pair. */
    public record Interaction(Request request, Response response) {
        @Override
        public String toString() {
            return request.method() + " " + request.uri() + " -> " + response.status();
        }
    }

    /** Recorded request. {@code body} is null when none was sent. Header names keep their case. */
    public record Request(String method, String uri, Map<String, List<String>> headers, String body) {
        public Request {
            headers = freeze(headers);
        }

        /** Values of a header, name compared case-insensitively; empty when absent. */
        public List<String> headerValues(String name) {
            return valuesOf(headers, name);
        }

        /** First value of a header (case-insensitive name), or null. */
        public String header(String name) {
            List<String> values = headerValues(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** Recorded response. Header names keep their recorded case (e.g. both Content-Type and Content-type occur). */
    public record Response(int status, String message, Map<String, List<String>> headers, Body body) {
        public Response {
            headers = freeze(headers);
        }

        public List<String> headerValues(String name) {
            return valuesOf(headers, name);
        }

        public String header(String name) {
            List<String> values = headerValues(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * A response body as bytes plus a UTF-8 text view. {@link #storedAsBinary()} tells whether the
     * cassette held it as {@code !!binary} (downloads) rather than as text (JSON, HTML).
     */
    public static final class Body {
        private final byte[] bytes;
        private final boolean storedAsBinary;
        private volatile String text;

        Body(byte[] bytes, boolean storedAsBinary) {
            this.bytes = bytes;
            this.storedAsBinary = storedAsBinary;
        }

        /** A copy of the bytes (bodies can be megabytes: prefer {@link #size()} / {@link #writeTo}). */
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The backing array, not copied: package-private so only the replay server uses it. */
        byte[] raw() {
            return bytes;
        }

        public int size() {
            return bytes.length;
        }

        public boolean storedAsBinary() {
            return storedAsBinary;
        }

        /** The bytes decoded as UTF-8 (lossy for real binary data). */
        public String text() {
            String t = text;
            if (t == null) {
                t = new String(bytes, StandardCharsets.UTF_8);
                text = t;
            }
            return t;
        }

        /** Writes bytes {@code [from, size)} without copying. */
        public void writeTo(OutputStream out, int from) throws IOException {
            out.write(bytes, from, bytes.length - from);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b && b.storedAsBinary == storedAsBinary && Arrays.equals(b.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Body[" + bytes.length + " bytes" + (storedAsBinary ? ", binary" : "") + "]";
        }
    }

    // ---------------------------------------------------------------- parsing

    private static Cassette parse(Path path) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(path)) {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse cassette " + path, e);
        }
        JsonNode list = root == null ? null : root.get("interactions");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("not a vcrpy cassette (no interactions list): " + path);
        }
        List<Interaction> out = new ArrayList<>();
        for (JsonNode node : list) {
            out.add(new Interaction(request(node.path("request")), response(node.path("response"))));
        }
        return new Cassette(path, out);
    }

    private static Request request(JsonNode n) {
        Body body = body(n.get("body"));
        return new Request(n.path("method").asText().toUpperCase(), n.path("uri").asText(), headers(n.get("headers")),
                body == null ? null : body.text());
    }

    private static Response response(JsonNode n) {
        JsonNode status = n.path("status");
        Body body = body(n.get("body"));
        return new Response(status.path("code").asInt(), status.path("message").asText(""), headers(n.get("headers")),
                body == null ? new Body(new byte[0], false) : body);
    }

    /** {@code body: null | 'text' | !!binary | {string: 'text' | !!binary}}. */
    private static Body body(JsonNode n) {
        if (n != null && n.isObject()) {
            n = n.get("string");
        }
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBinary()) {
            try {
                return new Body(n.binaryValue(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Body(n.asText().getBytes(StandardCharsets.UTF_8), false);
    }

    /** Header values are usually lists, but vcrpy also wrote single scalars (e.g. {@code Content-type: application/json}). */
    private static Map<String, List<String>> headers(JsonNode n) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (n == null || !n.isObject()) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else if (!e.getValue().isNull()) {
                values.add(e.getValue().asText());
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static List<String> valuesOf(Map<String, List<String>> headers, String name) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // listing_photos.yml is ~4 MB; default limit is 3 MB
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
        return new ObjectMapper(factory);
    }
}
