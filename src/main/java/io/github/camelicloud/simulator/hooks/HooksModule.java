package io.github.camelicloud.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Test hooks outside Apple's API, under {@code /_simulator/} (JSON in and out), so a client in another
 * process (icloudpd, a shell script) can drive time, sessions and faults.
 */
public final class HooksModule implements RouteModule {

    public static final String PREFIX = "/_simulator";

    private final SimulatorControl control;

    public HooksModule(SimulatorControl control) {
        this.control = control;
    }

    @Override
    public void register(Router router) {
        router.add("POST", PREFIX + "/clock/advance", request -> {
            JsonNode seconds = request.json().path("seconds");
            if (!seconds.isNumber() || seconds.decimalValue().signum() < 0) {
                return badRequest("expected {\"seconds\": N} with N >= 0");
            }
            BigDecimal millis = seconds.decimalValue().movePointRight(3);
            control.advanceClock(Duration.ofMillis(millis.longValue()));
            return ok(Json.object().put("now", control.snapshot().get("now").asText()));
        });
        router.add("POST", PREFIX + "/sessions/expire",
                request -> ok(Json.object().put("expired", control.expireSessions())));
        router.add("POST", PREFIX + "/faults", request -> {
            try {
                control.injectFault(FaultJson.read(request.json()));
            } catch (IllegalArgumentException e) {
                return badRequest(e.getMessage());
            }
            return ok(Json.object().set("faults", control.snapshot().get("faults")));
        });
        router.add("GET", PREFIX + "/faults", request -> ok(Json.object().set("faults", control.snapshot()
                .get("faults"))));
        router.add("DELETE", PREFIX + "/faults", request -> {
            control.clearFaults();
            return ok(Json.object().set("faults", Json.array()));
        });
        router.add("GET", PREFIX + "/state", request -> ok(control.snapshot()));
    }

    private static Response ok(JsonNode body) {
        return Response.prettyJson(200, body);
    }

    private static Response badRequest(String message) {
        return Response.prettyJson(400, Json.object().put("error", message));
    }
}
