package io.github.camelicloud.client.http;

import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * One API request: method, URL, extra headers and an optional text body. {@code idempotent} calls may
 * be retried after a broken connection; others only after Apple refused them outright (503/429).
 */
public record ApiCall(String method, HttpUrl url, Headers headers, String body, MediaType contentType,
        boolean idempotent) {

    public static final MediaType JSON = MediaType.get("application/json");
    public static final MediaType TEXT = MediaType.get("text/plain");

    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Headers.of() : headers;
    }

    public static ApiCall get(HttpUrl url, Headers headers) {
        return new ApiCall("GET", url, headers, null, null, true);
    }

    public static ApiCall send(String method, HttpUrl url, Headers headers, String body, MediaType contentType) {
        return new ApiCall(method, url, headers, body, contentType, false);
    }

    public ApiCall asIdempotent() {
        return new ApiCall(method, url, headers, body, contentType, true);
    }

    @Override
    public String toString() {
        return method + " " + ICloudHttp.loggable(url); // bodies may hold passwords or codes: never shown
    }
}
