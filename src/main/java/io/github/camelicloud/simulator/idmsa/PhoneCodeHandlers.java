package io.github.camelicloud.simulator.idmsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.TrustedPhone;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SMS codes: A7 {@code PUT /verify/phone} sends one, A8 {@code POST /verify/phone/securitycode} checks it. */
final class PhoneCodeHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneCodeHandlers.class);

    private final SimulatorState state;

    PhoneCodeHandlers(SimulatorState state) {
        this.state = state;
    }

    /** A7: 200 with the chosen phone and code rules; an unknown phone id is a 400. */
    Handler request() {
        return request -> {
            Optional<AuthSession> session = SessionLocator.locate(request, state.authSessions());
            if (session.isEmpty()) {
                return IdmsaResponses.noSession(state);
            }
            Optional<Response> refused = OriginCheck.refuse(request, state, session.get());
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<TrustedPhone> phone = phone(request.json(), session.get());
            if (phone.isEmpty()) {
                return IdmsaResponses.decorate(IdmsaResponses.serviceError(400, "-21545",
                        "The phone number is not a trusted phone number."), state, session.get().scnt());
            }
            LOG.info("SMS code sent to phone {} of {}", phone.get().id(), session.get().account().email());
            return IdmsaResponses.decorate(Response.json(200, Response.IDMSA_JSON, answer(phone.get())), state,
                    session.get().scnt());
        };
    }

    /** A8: 200 with rotated session headers on the right code, else 400 -21669. */
    Handler verify() {
        return request -> {
            Optional<AuthSession> session = SessionLocator.locate(request, state.authSessions());
            if (session.isEmpty()) {
                return IdmsaResponses.noSession(state);
            }
            Optional<Response> refused = OriginCheck.refuse(request, state, session.get());
            if (refused.isPresent()) {
                return refused.get();
            }
            Optional<TrustedPhone> phone = phone(request.json(), session.get());
            ObjectNode body = answer(phone.orElse(session.get().account().identity().phones().get(0)));
            return TrustedDeviceCodeHandlers.checkCode(state, request, session.get(),
                    Response.json(200, Response.IDMSA_JSON, body));
        };
    }

    private static Optional<TrustedPhone> phone(JsonNode body, AuthSession session) {
        JsonNode id = body.path("phoneNumber").path("id");
        if (!id.canConvertToInt() && !id.isTextual()) {
            return Optional.empty();
        }
        int wanted = id.isTextual() ? parse(id.asText()) : id.asInt();
        return session.account().identity().phones().stream().filter(p -> p.id() == wanted).findFirst();
    }

    private static int parse(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ObjectNode answer(TrustedPhone phone) {
        ObjectNode body = Json.object();
        body.set("trustedPhoneNumber", PhoneJson.of(phone));
        body.set("securityCode", PhoneJson.securityCode());
        body.put("mode", "sms");
        body.put("type", "verification");
        body.put("authenticationType", "hsa2");
        body.put("hsa2Account", true);
        body.put("restrictedAccount", false);
        return body;
    }
}
