package io.github.camelicloud.client.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.session.SessionKey;
import io.github.camelicloud.client.session.SessionState;
import io.github.camelicloud.client.session.StoredCookie;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every exchange of one account's HTTP session to a {@link HarTrace}, masked twice: by name
 * ({@link TraceRedaction}), then by value, every secret this session has held (tokens, scnt, session id, cookie
 * values, client id) and the Apple ID being replaced wherever they still appear, so one Apple puts in an
 * unexpected field is caught.
 */
public final class TraceRecorder implements RequestListener {

    private static final Logger LOG = LoggerFactory.getLogger(TraceRecorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shorter values (true, USA, 409) are not secrets and would mask ordinary text. */
    private static final int SHORTEST_SECRET = 8;

    private final HarTrace trace;
    private final SessionState session;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    public TraceRecorder(HarTrace trace, SessionState session, String username) {
        this.trace = trace;
        this.session = session;
        remember(username);
    }

    @Override
    public void answered(String endpoint, int status, Duration latency) {
    }

    @Override
    public void failed(String endpoint, String kind, Duration latency) {
    }

    @Override
    public boolean recordsExchanges() {
        return true;
    }

    @Override
    public void exchanged(TracedExchange exchange) {
        rememberSecrets(exchange);
        try {
            trace.append(scrub(entry(exchange)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write {} {} to the trace {}: {}", exchange.method(), ICloudHttp.loggable(exchange.url()),
                    trace.file(), e.getMessage());
        }
    }

    private ObjectNode entry(TracedExchange x) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("startedDateTime", x.started().toString());
        entry.put("time", x.time().toMillis());
        ObjectNode request = entry.putObject("request");
        request.put("method", x.method()).put("url", TraceRedaction.url(x.url())).put("httpVersion", "HTTP/1.1");
        ArrayNode cookies = request.putArray("cookies");
        x.cookieNames().forEach(name -> cookies.addObject().put("name", name).put("value", TraceRedaction.MASK));
        ArrayNode requestHeaders = headers(request, x.requestHeaders());
        if (!x.cookieNames().isEmpty()) {
            requestHeaders.addObject().put("name", "Cookie").put("value", String.join("; ",
                    x.cookieNames().stream().map(n -> n + "=" + TraceRedaction.MASK).toList()));
        }
        ArrayNode query = request.putArray("queryString");
        for (int i = 0; i < x.url().querySize(); i++) {
            String name = x.url().queryParameterName(i);
            query.addObject().put("name", name).put("value", TraceRedaction.plainParameter(name)
                    ? String.valueOf(x.url().queryParameterValue(i)) : TraceRedaction.MASK);
        }
        if (x.requestBody() != null) {
            ObjectNode post = request.putObject("postData")
                    .put("mimeType", x.requestType() == null ? "" : x.requestType());
            TraceRedaction.body(x.requestBody()).ifPresentOrElse(t -> post.put("text", t),
                    () -> post.put("comment", "not recorded: not JSON"));
        }
        request.put("headersSize", -1).put("bodySize", x.requestBody() == null ? 0 : x.requestBody().length());

        ObjectNode response = entry.putObject("response");
        response.put("status", x.status()).put("statusText", x.statusText()).put("httpVersion", "HTTP/1.1");
        ArrayNode setCookies = response.putArray("cookies");
        x.responseHeaders().values("Set-Cookie").forEach(c -> setCookies.addObject()
                .put("name", c.substring(0, Math.max(0, c.indexOf('=')))).put("value", TraceRedaction.MASK));
        headers(response, x.responseHeaders());
        String mime = x.responseHeaders().get("Content-Type");
        ObjectNode content = response.putObject("content").put("size", x.responseLength())
                .put("mimeType", mime == null ? "" : mime);
        if (x.responseBody() == null) {
            content.put("comment", x.status() == 0 ? "no answer" : "not recorded: file bytes");
        } else {
            TraceRedaction.body(x.responseBody()).ifPresentOrElse(t -> content.put("text", t),
                    () -> content.put("comment", "not recorded: not JSON"));
        }
        response.put("redirectURL", "").put("headersSize", -1).put("bodySize", x.responseLength());
        if (x.error() != null) {
            response.put("_error", x.error());
        }
        entry.putObject("cache");
        entry.putObject("timings").put("send", 0).put("wait", x.time().toMillis()).put("receive", 0);
        return entry;
    }

    private static ArrayNode headers(ObjectNode into, Headers headers) {
        ArrayNode array = into.putArray("headers");
        for (int i = 0; i < headers.size(); i++) {
            array.addObject().put("name", headers.name(i))
                    .put("value", TraceRedaction.header(headers.name(i), headers.value(i)));
        }
        return array;
    }

    /** The secrets of this session so far, and those this answer hands out. */
    private void rememberSecrets(TracedExchange x) {
        for (SessionKey key : SessionKey.values()) {
            if (key.secret() || key == SessionKey.CLIENT_ID) {
                session.get(key).ifPresent(this::remember);
            }
        }
        session.cookies(0, c -> true).stream().map(StoredCookie::value).forEach(this::remember);
        for (int i = 0; i < x.responseHeaders().size(); i++) {
            String name = x.responseHeaders().name(i);
            String value = x.responseHeaders().value(i);
            if (name.equalsIgnoreCase("Set-Cookie")) {
                int eq = value.indexOf('=');
                int end = value.indexOf(';');
                remember(value.substring(eq + 1, end < 0 ? value.length() : end));
            } else if (TraceRedaction.header(name, value).equals(TraceRedaction.MASK)) {
                remember(value);
            }
        }
    }

    private void remember(String value) {
        String v = value.strip();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() > 1) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.length() >= SHORTEST_SECRET) {
            secrets.add(v);
        }
    }

    /** Replaces every remembered secret, longest first, wherever the entry still shows it. */
    private ObjectNode scrub(ObjectNode entry) throws IOException {
        String text = JSON.writeValueAsString(entry);
        List<String> known = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        boolean changed = false;
        for (String secret : known) {
            for (String form : forms(secret)) {
                if (text.contains(form)) {
                    text = text.replace(form, TraceRedaction.MASK);
                    changed = true;
                }
            }
        }
        return changed ? (ObjectNode) JSON.readTree(text) : entry;
    }

    /** A secret as it may appear in the entry's JSON text: as is, JSON-escaped, URL-encoded. */
    private static Set<String> forms(String secret) throws IOException {
        String escaped = JSON.writeValueAsString(secret);
        String encoded = HttpUrl.get("http://x/").newBuilder().addQueryParameter("q", secret).build().encodedQuery();
        return new LinkedHashSet<>(List.of(secret, escaped.substring(1, escaped.length() - 1), encoded.substring(2)));
    }

}
