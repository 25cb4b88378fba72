package io.github.camelicloud.simulator.faults;

import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.http.Interceptor;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a request with an injected fault before it reaches its handler. Bodies follow what Apple
 * sends for that status: idmsa's 503 page text, CloudKit's error JSON otherwise.
 */
public final class FaultInterceptor implements Interceptor {

    /** The test hooks themselves are never faulted. */
    public static final String HOOK_PREFIX = "/_simulator/";

    private static final Map<Integer, String> SERVER_ERROR_CODES = Map.of(400, "BAD_REQUEST", 401,
            "AUTHENTICATION_FAILED", 403, "ACCESS_DENIED", 404, "NOT_FOUND", 409, "CONFLICT", 412,
            "VALIDATING_REFERENCE_ERROR", 413, "QUOTA_EXCEEDED", 421, "AUTHENTICATION_REQUIRED", 429, "THROTTLED",
            500, "INTERNAL_ERROR");

    private final FaultQueue faults;

    public FaultInterceptor(FaultQueue faults) {
        this.faults = faults;
    }

    @Override
    public Optional<Response> intercept(Request request) {
        if (request.path().startsWith(HOOK_PREFIX)) {
            return Optional.empty();
        }
        return faults.take(request.method(), request.path()).map(fault -> answer(fault, request));
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
