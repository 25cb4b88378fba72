package io.github.camelicloud.simulator.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.WebSession;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legacy two-step verification on setup (§5.5, the 2sa cassettes): listDevices, sendVerificationCode,
 * validateVerificationCode. All three need the web session cookies from accountLogin.
 */
final class TwoStepHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(TwoStepHandlers.class);

    private final SimulatorState state;

    TwoStepHandlers(SimulatorState state) {
        this.state = state;
    }

    /** S3: one SMS device per account, masked like the cassette. */
    Handler listDevices() {
        return withSession((request, web) -> {
            ObjectNode body = Json.object();
            body.putArray("devices").add(device(web));
            return SetupResponses.json(state, body);
        });
    }

    /** S4: always "sent"; the code is the configured one. */
    Handler sendCode() {
        return withSession((request, web) -> {
            LOG.info("2SA code sent for {}", web.account().email());
            return SetupResponses.json(state, Json.object().put("success", true));
        });
    }

    /** S5: 200 either way; {@code success:false} with numeric errorCode -21669 on a wrong code. */
    Handler validateCode() {
        return withSession((request, web) -> {
            JsonNode body = request.json();
            if (!state.config().mfaCode().equals(Json.text(body, "verificationCode"))) {
                LOG.info("Wrong 2SA code for {}", web.account().email());
                return SetupResponses.json(state, Json.object().put("success", false)
                        .put("errorTitle", "Invalid Code").put("errorMessage", "The code you entered is not valid.")
                        .put("errorCode", -21669));
            }
            web.auth().markVerified(state.now());
            if (body.path("trustBrowser").asBoolean(false)) {
                // 2SA yields no trust token; the sign-in itself becomes trusted for the trust duration.
                web.auth().trustUntil(state.now().plus(
                        web.account().account().trustDurationOr(state.config().trustDuration())));
            }
            LOG.info("2SA code accepted for {}", web.account().email());
            return SetupResponses.json(state, Json.object().put("success", true));
        });
    }

    private ObjectNode device(WebSession web) {
        String lastTwo = web.account().identity().phones().get(0).lastTwoDigits();
        return Json.object().put("deviceType", "SMS").put("areaCode", "").put("phoneNumber", "*******" + lastTwo)
                .put("deviceId", "1");
    }

    private Handler withSession(BiFunction<Request, WebSession, Response> handler) {
        return request -> {
            Optional<WebSession> web = state.webSessions().find(request.cookies());
            return web.isEmpty() ? SetupResponses.authenticationRequired(state) : handler.apply(request, web.get());
        };
    }
}
