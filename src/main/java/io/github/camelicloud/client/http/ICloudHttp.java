package io.github.camelicloud.client.http;

import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.ICloudTransportException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.session.SessionKey;
import io.github.camelicloud.client.session.SessionState;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Cookie;
import okhttp3.Call;
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
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();
    private volatile WebAppBuild build = WebAppBuild.FALLBACK;
    private volatile boolean tracing;

    public ICloudHttp(OkHttpClient base, SessionState session, Endpoints endpoints, RetryPolicy retry, Clock clock) {
        this.client = base.newBuilder().cookieJar(new SessionCookieJar(session, clock)).build();
        this.session = session;
        this.endpoints = endpoints;
        this.retry = retry;
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    /** A client with the timeouts we want for Apple: 30 s to connect, 60 s between bytes, no overall cap. */
    public static OkHttpClient defaultClient() {
        return defaultClient(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /**
     * A client with these timeouts: {@code read} is the longest silence between two bytes of an answer (a stalled
     * download fails then and is resumed), and also bounds writes; there is no overall cap, a 20 GB video may take
     * hours. Zero would mean "wait for ever", so it is refused.
     */
    public static OkHttpClient defaultClient(Duration connect, Duration read) {
        checkTimeouts(connect, read);
        return LoopbackAppleHosts.applyIfSet(new OkHttpClient.Builder())
                .connectTimeout(connect.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(read.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** Zero would mean "wait for ever" to OkHttp: refused, as negative values are. */
    public static void checkTimeouts(Duration connect, Duration read) {
        if (connect.isZero() || connect.isNegative() || read.isZero() || read.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive (connect " + connect.toMillis()
                    + " ms, read " + read.toMillis() + " ms): nothing may wait for ever");
        }
    }

    /** Hears every request from now on (metrics, a trace). */
    public void addListener(RequestListener listener) {
        listeners.add(listener);
        tracing |= listener.recordsExchanges();
    }

    public SessionState session() {
        return session;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The web app build the calls name: read at sign-in ({@link WebAppBuild#fetch}), else the fallback. */
    public WebAppBuild build() {
        return build;
    }

    public void build(WebAppBuild current) {
        this.build = current;
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

    /** A streaming answer and its call, which another thread may cancel to end a read blocked on the connection. */
    public record Streaming(Response response, Call call) {
    }

    /**
     * Starts a streaming GET (downloads): the caller reads and closes the body, which is never buffered.
     * Download answers carry no session headers, so nothing is captured.
     */
    public Streaming stream(HttpUrl url, Headers extraHeaders) {
        ApiCall call = ApiCall.get(url, extraHeaders);
        LOG.trace("-> {}", call);
        long started = System.nanoTime();
        Instant at = Instant.now();
        Request request = buildRequest(call);
        List<String> cookies = sentCookies(request);
        try {
            Call streaming = client.newCall(request);
            Response response = streaming.execute();
            LOG.trace("<- {} {} (streaming {} bytes)", response.code(), loggable(url),
                    response.header("Content-Length", "?"));
            answered(url, response.code(), started);
            exchanged(call, request, cookies, at, started, response, null, -1, null);
            return new Streaming(response, streaming);
        } catch (IOException e) {
            failed(url, e, started);
            exchanged(call, request, cookies, at, started, null, null, -1, e);
            throw new ICloudTransportException(call.toString(), e);
        }
    }

    private ApiResponse sendOnce(ApiCall call) {
        Request request = buildRequest(call);
        long started = System.nanoTime();
        Instant at = Instant.now();
        List<String> cookies = sentCookies(request);
        LOG.trace("-> {}", call);
        try (Response response = client.newCall(request).execute()) {
            ResponseBody body = response.body();
            String text = body == null ? "" : body.string();
            LOG.trace("<- {} {} ({} bytes, {} ms)", response.code(), loggable(call.url()), text.length(),
                    (System.nanoTime() - started) / 1_000_000);
            answered(call.url(), response.code(), started);
            exchanged(call, request, cookies, at, started, response, text, text.length(), null);
            ApiResponse api = new ApiResponse(response.code(), response.message(), response.headers(), text);
            if (api.status() != 503) {
                captureSessionHeaders(api.headers());
            }
            session.flush();
            return api;
        } catch (IOException e) {
            failed(call.url(), e, started);
            exchanged(call, request, cookies, at, started, null, null, -1, e);
            throw new ICloudTransportException(call.toString(), e);
        }
    }

    /** The names of the cookies this request carries, when someone keeps a trace. */
    private List<String> sentCookies(Request request) {
        return !tracing ? List.of()
                : client.cookieJar().loadForRequest(request.url()).stream().map(Cookie::name).toList();
    }

    /** Hands the whole exchange to the listeners that keep a trace; {@code text} null: the body was not read here. */
    private void exchanged(ApiCall call, Request request, List<String> cookies, Instant at, long startedNanos,
            Response response, String text, long length, IOException error) {
        if (!tracing) {
            return;
        }
        TracedExchange exchange = new TracedExchange(at, Duration.ofNanos(System.nanoTime() - startedNanos),
                request.method(), request.url(), request.headers(), cookies, call.body(),
                call.contentType() == null ? null : call.contentType().toString(),
                response == null ? 0 : response.code(), response == null ? "" : response.message(),
                response == null ? Headers.of() : response.headers(), text,
                response == null ? -1 : text != null ? length : contentLength(response),
                error == null ? null : error.getClass().getSimpleName() + ": " + error.getMessage());
        listeners.forEach(l -> l.exchanged(exchange));
    }

    private static long contentLength(Response response) {
        String length = response.header("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length);
        } catch (NumberFormatException e) {
            return -1;
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

    private void answered(HttpUrl url, int status, long startedNanos) {
        if (!listeners.isEmpty()) {
            Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
            String endpoint = RequestListener.endpoint(url);
            listeners.forEach(l -> l.answered(endpoint, status, latency));
        }
    }

    private void failed(HttpUrl url, IOException e, long startedNanos) {
        if (!listeners.isEmpty()) {
            Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
            String endpoint = RequestListener.endpoint(url);
            String kind = e instanceof InterruptedIOException ? "timeout" : "connection";
            listeners.forEach(l -> l.failed(endpoint, kind, latency));
        }
    }

    /** Tells the listeners a call is tried again (downloads resumed by their own loop call this too). */
    public void retrying(HttpUrl url, String reason) {
        String endpoint = RequestListener.endpoint(url);
        listeners.forEach(l -> l.retried(endpoint, reason));
    }

    private void pause(ApiCall call, int nextAttempt, Optional<Duration> retryAfter, String why) {
        retrying(call.url(), why);
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
