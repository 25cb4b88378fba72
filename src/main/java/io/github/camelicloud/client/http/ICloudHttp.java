package io.github.camelicloud.client.http;

import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.ICloudTransportException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.session.SessionKey;
import io.github.camelicloud.client.session.SessionState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP session of an account: a shared OkHttp client, Apple's default headers, the session's
 * cookies, capture of the session headers after every answer (icloud-protocol.md §2.3), saving the
 * session when it changed, and back-off when Apple throttles. Thread-safe.
 */
public final class ICloudHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudHttp.class);
    public static final String USER_AGENT = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36";

    private final OkHttpClient client;
    private final SessionState session;
    private final Endpoints endpoints;
    private final RetryPolicy retry;

    public ICloudHttp(OkHttpClient base, SessionState session, Endpoints endpoints, RetryPolicy retry, Clock clock) {
        this.client = base.newBuilder().cookieJar(new SessionCookieJar(session, clock)).build();
        this.session = session;
        this.endpoints = endpoints;
        this.retry = retry;
    }

    /** A client with the timeouts we want for Apple: 30 s to connect and between bytes, no overall cap. */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(30, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .writeTimeout(60, TimeUnit.SECONDS)
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    public SessionState session() {
        return session;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public OkHttpClient okHttp() {
        return client;
    }

    /** Sends the call, retrying throttled answers and (for idempotent calls) broken connections. */
    public ApiResponse send(ApiCall call) {
        for (int attempt = 1; ; attempt++) {
            ApiResponse response;
            try {
                response = sendOnce(call);
            } catch (ICloudTransportException e) {
                if (!call.idempotent() || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                pause(call, attempt + 1, Optional.empty(), e.getMessage());
                continue;
            }
            if (response.status() != 503 && response.status() != 429) {
                return response;
            }
            Optional<Duration> retryAfter = ErrorClassifier.retryAfter(response);
            if (attempt >= retry.maxAttempts()) {
                throw new ServiceUnavailableException(response.status(), null, retryAfter.orElse(null));
            }
            pause(call, attempt + 1, retryAfter, "HTTP " + response.status());
        }
    }

    /**
     * Starts a streaming GET (downloads): the caller reads and closes the body, which is never buffered.
     * Download answers carry no session headers, so nothing is captured.
     */
    public Response stream(HttpUrl url, Headers extraHeaders) {
        ApiCall call = ApiCall.get(url, extraHeaders);
        LOG.trace("-> {}", call);
        try {
            Response response = client.newCall(buildRequest(call)).execute();
            LOG.trace("<- {} {} (streaming {} bytes)", response.code(), loggable(url),
                    response.header("Content-Length", "?"));
            return response;
        } catch (IOException e) {
            throw new ICloudTransportException(call.toString(), e);
        }
    }

    private ApiResponse sendOnce(ApiCall call) {
        Request request = buildRequest(call);
        long started = System.nanoTime();
        LOG.trace("-> {}", call);
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            LOG.trace("<- {} {} ({} bytes, {} ms)", response.code(), loggable(call.url()), text.length(),
                    (System.nanoTime() - started) / 1_000_000);
            ApiResponse api = new ApiResponse(response.code(), response.message(), response.headers(), text);
            if (api.status() != 503) {
                captureSessionHeaders(api.headers());
            }
            session.flush();
            return api;
        } catch (IOException e) {
            throw new ICloudTransportException(call.toString(), e);
        }
    }

    private Request buildRequest(ApiCall call) {
        Headers.Builder headers = new Headers.Builder()
                .set("Origin", endpoints.home())
                .set("Referer", endpoints.home() + "/")
                .set("User-Agent", USER_AGENT)
                .set("Accept", "*/*");
        for (int i = 0; i < call.headers().size(); i++) {
            headers.set(call.headers().name(i), call.headers().value(i));
        }
        RequestBody body = call.body() == null
                ? (requiresBody(call.method()) ? RequestBody.create(new byte[0], null) : null)
                : RequestBody.create(call.body(), call.contentType());
        return new Request.Builder().url(call.url()).headers(headers.build()).method(call.method(), body).build();
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private void captureSessionHeaders(Headers headers) {
        for (SessionKey key : SessionKey.values()) {
            key.responseHeader().map(headers::get).ifPresent(value -> session.put(key, value));
        }
    }

    private void pause(ApiCall call, int nextAttempt, Optional<Duration> retryAfter, String why) {
        Duration delay = retry.delayBefore(nextAttempt, retryAfter);
        LOG.warn("Apple did not serve {} ({}); retrying in {} s (attempt {}/{})", call, why,
                Math.max(1, delay.toSeconds()), nextAttempt, retry.maxAttempts());
        sleep(delay);
    }

    /** Sleeps, turning an interrupt into an error so a stopping application is not held up. */
    public static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ICloudException("Interrupted while waiting to retry");
        }
    }

    /** A URL fit for logs: no query string, since download URLs carry signatures. */
    static String loggable(HttpUrl url) {
        return url.scheme() + "://" + url.host() + (url.port() == HttpUrl.defaultPort(url.scheme()) ? ""
                : ":" + url.port()) + url.encodedPath();
    }

}
