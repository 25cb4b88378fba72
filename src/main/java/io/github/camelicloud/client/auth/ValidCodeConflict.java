package io.github.camelicloud.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.client.http.ApiResponse;

/**
 * Since mid-2026 Apple answers a correct code with HTTP 409 on some accounts (rclone #9488 and PR #9660, kei #596
 * and PR #597, pyicloud #313, rclone #9730). Such a 409 is a success when its body says
 * {@code securityCode.valid: true}, whether or not it carries a new {@code X-Apple-Session-Token}; without a body
 * verdict, a 409 that carries a session token and names the HSA2 flow ({@code authType} or, in the verify answers,
 * {@code authenticationType}) and no error is one too. Either way the client goes on to {@code 2sv/trust}, which
 * hands out the session token when the 409 did not (the idmsa session id and {@code scnt} name the sign-in).
 */
final class ValidCodeConflict {

    private ValidCodeConflict() {
    }

    static boolean accepts(ApiResponse r) {
        if (r.status() != 409) {
            return false;
        }
        JsonNode body = r.json();
        JsonNode valid = body.path("securityCode").path("valid");
        if (valid.isBoolean()) {
            return valid.booleanValue();
        }
        boolean hsa2 = "hsa2".equals(body.path("authType").asText(body.path("authenticationType").asText("")));
        boolean error = body.path("hasError").asBoolean(false) || body.path("service_errors").size() > 0
                || body.path("serviceErrors").size() > 0;
        return hsa2 && !error && r.header("X-Apple-Session-Token").isPresent();
    }
}
