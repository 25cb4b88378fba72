package io.github.camelicloud.client.http;

import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * Hears every request the client makes, for metrics and traces; Camel-free, so the application decides where the numbers
 * go. Called on the requesting thread: implementations must be quick and thread-safe.
 */
public interface RequestListener {

    /** An answer arrived (for a download: its headers). {@code endpoint} is {@link #endpoint(HttpUrl)}. */
    void answered(String endpoint, int status, Duration latency);

    /** No answer: the connection failed or timed out. {@code kind} is {@code timeout} or {@code connection}. */
    void failed(String endpoint, String kind, Duration latency);

    /** A call is retried after a pause (throttled, or a broken connection). */
    default void retried(String endpoint, String reason) {
    }

    /**
     * The whole exchange, unmasked, for a trace ({@link HarTrace}); called after {@link #answered}/{@link #failed},
     * only when some listener {@link #recordsExchanges()}.
     */
    default void exchanged(TracedExchange exchange) {
    }

    /** Whether this listener wants {@link #exchanged} (collecting an exchange costs a cookie lookup per call). */
    default boolean recordsExchanges() {
        return false;
    }

    /**
     * A short, low-cardinality name for the URL: {@code download} for Apple's content host, the CloudKit operation
     * ({@code records/query}), else the last two path segments ({@code signin/init}, {@code accountLogin}).
     */
    static String endpoint(HttpUrl url) {
        String path = url.encodedPath();
        if (path.startsWith("/B/") || url.host().contains("icloud-content")) {
            return "download";
        }
        for (String scope : new String[] {"/private/", "/shared/", "/public/"}) {
            int i = path.indexOf(scope);
            if (path.startsWith("/database/") && i >= 0) {
                return path.substring(i + scope.length());
            }
        }
        String[] parts = path.replaceAll("/+$", "").split("/");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        String before = parts.length < 2 ? "" : parts[parts.length - 2];
        String name = before.isEmpty() || before.equals("1") || before.equals("ws") ? last : before + "/" + last;
        return name.isEmpty() ? "/" : name;
    }
}
