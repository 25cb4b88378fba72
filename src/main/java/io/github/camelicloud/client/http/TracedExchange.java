package io.github.camelicloud.client.http;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One request and its answer as the client saw them, for a trace: nothing is masked here ({@link TraceRedaction}
 * does that before anything is written).
 *
 * @param cookieNames    the names of the cookies sent (their values are never needed)
 * @param requestBody    the text body sent, or null
 * @param status         the HTTP status, 0 when no answer came
 * @param responseBody   the answer's text, or null when it was not read here (a download's bytes)
 * @param responseLength the answer's length in bytes, -1 when unknown
 * @param error          why no answer came, or null
 */
public record TracedExchange(Instant started, Duration time, String method, HttpUrl url, Headers requestHeaders,
        List<String> cookieNames, String requestBody, String requestType, int status, String statusText,
        Headers responseHeaders, String responseBody, long responseLength, String error) {
}
