package io.github.camelicloud.testing;

import io.github.camelicloud.testing.Cassette.Interaction;
import io.github.camelicloud.testing.Cassette.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a recorded response into what the replay server sends: status, headers, body bytes.
 *
 * <ul>
 *   <li>Framing headers are dropped and recomputed by the server (Content-Length,
 *       Transfer-Encoding, Connection, Keep-Alive) and so is Content-Encoding: vcrpy ran with
 *       {@code decode_compressed_response=True}, so stored bodies are already decoded.</li>
 *   <li>{@code Set-Cookie} loses {@code Domain=} and {@code Secure}, or a plain-http client on
 *       127.0.0.1 would drop the cookie.</li>
 *   <li>Text bodies get every {@code https://host[:port]} rewritten (see {@link HostMapping}).</li>
 *   <li>Convenience beyond the recording: {@code Range: bytes=N-} with N&gt;0 on a recorded full
 *       200 body (its size equals the recorded Content-Length) is answered 206 with the tail and
 *       a Content-Range. Anything else (including scrubbed, shortened bodies) plays as recorded.</li>
 * </ul>
 * Every other header, including Content-Type, is copied verbatim.
 */
record ResponsePlayback(int status, Map<String, List<String>> headers, byte[] body, int offset) {

    private static final Set<String> RECOMPUTED =
            Set.of("content-length", "transfer-encoding", "connection", "keep-alive", "content-encoding");
    private static final Pattern OPEN_RANGE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d+)\\s*-\\s*$");

    static ResponsePlayback of(Interaction interaction, String rangeHeader, String baseUrl) {
        Response recorded = interaction.response();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        recorded.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (RECOMPUTED.contains(lower)) {
                return;
            }
            List<String> out = lower.equals("set-cookie")
                    ? values.stream().map(ResponsePlayback::localCookie).collect(Collectors.toList())
                    : values;
            headers.computeIfAbsent(name, k -> new ArrayList<>()).addAll(out);
        });

        Cassette.Body body = recorded.body();
        if (isText(body, recorded.header("Content-Type"))) {
            byte[] text = HostMapping.rewriteOrigins(body.text(), baseUrl).getBytes(StandardCharsets.UTF_8);
            return new ResponsePlayback(recorded.status(), headers, text, 0);
        }
        int from = rangeStart(rangeHeader);
        if (from > 0 && from < body.size() && recorded.status() == 200 && isFullBody(recorded)) {
            headers.put("Content-Range", List.of("bytes " + from + "-" + (body.size() - 1) + "/" + body.size()));
            return new ResponsePlayback(206, headers, body.raw(), from);
        }
        return new ResponsePlayback(recorded.status(), headers, body.raw(), 0);
    }

    /** Number of body bytes to send. */
    int length() {
        return body.length - offset;
    }

    /** {@code Set-Cookie} value without its Domain and Secure attributes. */
    static String localCookie(String setCookie) {
        List<String> kept = new ArrayList<>();
        for (String part : setCookie.split(";")) {
            String attr = part.trim();
            String name = attr.contains("=") ? attr.substring(0, attr.indexOf('=')).trim() : attr;
            if (!kept.isEmpty() && (name.equalsIgnoreCase("Domain") || name.equalsIgnoreCase("Secure"))) {
                continue; // the first part is the cookie itself, never an attribute
            }
            kept.add(attr);
        }
        return String.join("; ", kept);
    }

    /** Recorded as text, or labelled as a textual type: then it may hold URLs to rewrite. */
    private static boolean isText(Cassette.Body body, String contentType) {
        if (!body.storedAsBinary()) {
            return true;
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return ct.contains("json") || ct.startsWith("text/") || ct.contains("xml") || ct.contains("javascript");
    }

    /** A scrubbed body (e.g. listing_photos_resume's 617 bytes under Content-Length 1884695) is not full. */
    private static boolean isFullBody(Response recorded) {
        String length = recorded.header("Content-Length");
        return length == null || length.trim().equals(Integer.toString(recorded.body().size()));
    }

    private static int rangeStart(String range) {
        if (range == null) {
            return 0;
        }
        Matcher m = OPEN_RANGE.matcher(range);
        if (!m.matches()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
