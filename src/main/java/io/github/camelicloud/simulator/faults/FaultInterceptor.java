package io.github.camelicloud.simulator.faults;

import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Interceptor;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request with an injected fault before it reaches its handler. Bodies follow what Apple
 * sends for that status: idmsa's 503 page text, CloudKit's error JSON otherwise. Transfer faults (reset,
 * truncate, stall, slow) let the handler answer and break the way the answer travels; expire-session
 * expires every session and lets the handler see it.
 */
public final class FaultInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInterceptor.class);

    /** The test hooks themselves are never faulted. */
    public static final String HOOK_PREFIX = "/_simulator/";

    private static final Map<Integer, String> SERVER_ERROR_CODES = Map.of(400, "BAD_REQUEST", 401,
            "AUTHENTICATION_FAILED", 403, "ACCESS_DENIED", 404, "NOT_FOUND", 409, "CONFLICT", 412,
            "VALIDATING_REFERENCE_ERROR", 413, "QUOTA_EXCEEDED", 421, "AUTHENTICATION_REQUIRED", 429, "THROTTLED",
            500, "INTERNAL_ERROR");

    private final FaultQueue faults;
    private final RandomFaults random;
    private final Handler next;
    private final Runnable expireSessions;

    /**
     * @param random         faults drawn at random when no queued fault matches; null for none
     * @param next           the normal answer (routing), which transfer faults then break
     * @param expireSessions what the expire-session fault does
     */
    public FaultInterceptor(FaultQueue faults, RandomFaults random, Handler next, Runnable expireSessions) {
        this.faults = faults;
        this.random = random;
        this.next = next;
        this.expireSessions = expireSessions;
    }

    @Override
    public Optional<Response> intercept(Request request) {
        if (request.path().startsWith(HOOK_PREFIX)) {
            return Optional.empty();
        }
        Optional<Fault> fault = faults.take(request.method(), request.path());
        if (fault.isEmpty() && random != null) {
            fault = random.draw(request.method(), request.path());
        }
        if (fault.isEmpty()) {
            return Optional.empty();
        }
        Fault f = fault.get();
        LOG.info("Injected fault {} on {} {}", f.typeName(), request.method(), request.path());
        try {
            return switch (f.kind()) {
                case STATUS -> Optional.of(answer(f, request));
                case EXPIRE_SESSION -> {
                    expireSessions.run();
                    yield Optional.empty();
                }
                case SLOW -> {
                    Thread.sleep(f.delay().toMillis());
                    yield Optional.empty();
                }
                case RESET, TRUNCATE, STALL -> Optional.of(broken(f, next.handle(request)));
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Response.text(503, Response.ICLOUD_HTML, "Service Unavailable"));
        } catch (Exception e) {
            throw new IllegalStateException("handler failed under an injected fault", e);
        }
    }

    /** The same answer, with its body cut (reset, truncate) or hung (stall) part way. */
    private static Response broken(Fault fault, Response answer) {
        long length = answer.stream() != null ? answer.stream().length() : answer.body().length;
        if (length < 2) {
            return answer; // nothing to cut
        }
        long cut = fault.kind() == Fault.Kind.TRUNCATE ? Math.max(1, length - Math.max(1, length / 10))
                : fault.cutAfter() > 0 ? fault.cutAfter() : length / 2;
        if (cut >= length) {
            return answer; // shorter than the cut point: it arrives whole
        }
        return Response.streamed(answer.status(), answer.headers(), new Response.BodyStream() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                OutputStream limited = new CutOutputStream(out, cut);
                if (answer.stream() != null) {
                    try {
                        answer.stream().writeTo(limited);
                    } catch (CutOutputStream.Cut expected) {
                        // the promised bytes stop here
                    }
                } else {
                    limited.write(answer.body(), 0, (int) cut);
                }
                out.flush();
                if (fault.kind() == Fault.Kind.STALL) {
                    pause(fault.delay());
                }
                // Fewer bytes than the Content-Length: the server closes the connection, the client sees the break.
                throw new Response.DropConnection("injected " + fault.typeName() + " after " + cut + " of " + length
                        + " bytes");
            }
        });
    }

    private static void pause(Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("simulator stopping", e);
        }
    }

    static Response answer(Fault fault, Request request) {
        Response response;
        if (fault.status() == 503) {
            // Exactly the failed_auth_503 cassette: text/html, 29 bytes.
            response = Response.text(503, Response.IDMSA_HTML, "Service Temporary Unavailable")
                    .withHeader("Cache-Control", "no-cache").withHeader("Cache-Control", "no-store");
        } else if (fault.status() == 429) {
            var body = Json.object().put("uuid", UUID.randomUUID().toString()).put("serverErrorCode", "THROTTLED")
                    .put("reason", "Too Many Requests");
            if (fault.retryAfter() != null) {
                body.put("retryAfter", fault.retryAfter().toSeconds());
            }
            response = Response.json(429, Response.ICLOUD_JSON, body);
        } else {
            String code = SERVER_ERROR_CODES.getOrDefault(fault.status(),
                    fault.status() >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST");
            response = Response.json(fault.status(), Response.ICLOUD_JSON, Json.object()
                    .put("uuid", UUID.randomUUID().toString()).put("serverErrorCode", code)
                    .put("reason", "Injected fault"));
        }
        if (request.path().startsWith("/appleauth/")) {
            response = response.withHeader("scnt", "AAAA-" + UUID.randomUUID());
        }
        if (fault.retryAfter() != null) {
            response = response.withHeader("Retry-After", String.valueOf(Math.max(0, fault.retryAfter().toSeconds())));
        }
        return response;
    }
}
