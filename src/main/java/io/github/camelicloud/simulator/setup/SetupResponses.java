package io.github.camelicloud.simulator.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.SimulatorState;

/** Headers and errors of the setup service. */
final class SetupResponses {

    private SetupResponses() {
    }

    static Response decorate(Response response, SimulatorState state) {
        return response.withHeader("Access-Control-Allow-Credentials", "true")
                .withHeader("Access-Control-Allow-Origin", "https://www.icloud.com")
                .withHeader("Cache-Control", "no-cache, no-store, private")
                .withHeader("Server", "AppleHttpServer/78689afb4479")
                .withHeader("X-Apple-Request-UUID", state.tokens().uuid())
                .withHeader("access-control-expose-headers", "X-Apple-Request-UUID,Via");
    }

    static Response json(SimulatorState state, JsonNode body) {
        return decorate(Response.json(200, Response.ICLOUD_JSON, body), state);
    }

    /**
     * 421, Apple's answer for a missing or dead web session (icloudpd: "Authentication required for
     * Account."); the body wording is the one clients report from validate.
     */
    static Response authenticationRequired(SimulatorState state) {
        return decorate(Response.json(421, Response.ICLOUD_JSON, Json.object().put("success", false)
                .put("error", "Missing X-APPLE-WEBAUTH-TOKEN cookie")), state);
    }

    /** accountLogin with a session token we never issued (or one expired by the test hook). */
    static Response invalidToken(SimulatorState state) {
        return decorate(Response.json(421, Response.ICLOUD_JSON, Json.object().put("success", false)
                .put("error", "Invalid authentication token.")), state);
    }
}
