package io.github.camelicloud.simulator.idmsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /appleauth/auth/verify/trusteddevice/securitycode}: PUT (no body) asks Apple to push a code to the
 * trusted devices (the 2026 flow, §11); POST A6 submits it.
 */
final class TrustedDeviceCodeHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedDeviceCodeHandlers.class);

    private final SimulatorState state;

    TrustedDeviceCodeHandlers(SimulatorState state) {
        this.state = state;
    }

    /** PUT: "push" the code. There is no device, so this only records that it was asked for. */
    Handler push() {
        return request -> {
            Optional<AuthSession> session = SessionLocator.locate(request, state.authSessions());
            if (session.isEmpty()) {
                return IdmsaResponses.noSession(state);
            }
            Optional<Response> refused = OriginCheck.refuse(request, state, session.get());
            if (refused.isPresent()) {
                return refused.get();
            }
            session.get().markCodePushed();
            LOG.info("Security code pushed to the trusted devices of {}", session.get().account().email());
            return IdmsaResponses.decorate(Response.empty(204), state, session.get().scnt());
        };
    }

    /** POST: 204 with rotated session headers when the code matches, else 400 -21669. */
    Handler verify() {
        return request -> {
            Optional<AuthSession> session = SessionLocator.locate(request, state.authSessions());
            if (session.isEmpty()) {
                return IdmsaResponses.noSession(state);
            }
            return OriginCheck.refuse(request, state, session.get()).orElseGet(() ->
                    checkCode(state, request, session.get(), Response.text(204, Response.IDMSA_JSON, "")));
        };
    }

    /**
     * Shared by device and SMS verification: same code, same wrong-code answer. A right code answers
     * {@code success}, or, for the {@code hsa2-409} accounts, the 2026 409 whose body says the code is valid.
     */
    static Response checkCode(SimulatorState state, Request request, AuthSession session, Response success) {
        String code = Json.text(request.json(), "securityCode", "code");
        if (!state.config().mfaCode().equals(code)) {
            LOG.info("Wrong verification code for {}", session.account().email());
            return IdmsaResponses.wrongCode(state, request, session.scnt());
        }
        session.markVerified(state.now());
        LOG.info("Verification code accepted for {}", session.account().email());
        if (session.account().has(AccountFlag.HSA2_409_NO_TOKEN)) {
            // rclone #9730: no X-Apple-Session-Token; the idmsa session (id, scnt) is what moves on to 2sv/trust
            return IdmsaResponses.decorate(validConflict(code), state, session.scnt())
                    .withHeader("X-Apple-ID-Session-Id", session.id())
                    .withHeader("X-Apple-ID-Account-Country", state.config().accountCountry());
        }
        Response answer = session.account().has(AccountFlag.HSA2_409)
                ? validConflict(code).withHeader("X-Apple-Edp", "true") : success; // rclone #9488
        Response response = IdmsaResponses.withSession(answer, state, request, session)
                .withHeader("X-Apple-OAuth-Grant-Code", state.tokens().base64Url(32));
        return IdmsaResponses.withLocaleCookies(response, state, request);
    }

    /** The 409 of a valid code (rclone #9488/#9730, kei #596, pyicloud #313): {@code securityCode.valid: true}. */
    private static Response validConflict(String code) {
        ObjectNode body = Json.object();
        body.put("trustedDeviceCount", 1).put("otherTrustedDeviceClass", "iPhone");
        body.set("securityCode", PhoneJson.securityCode().put("code", code).put("valid", true));
        body.put("authenticationType", "hsa2").put("hsa2Account", true).put("restrictedAccount", false);
        return Response.json(409, Response.IDMSA_JSON, body);
    }
}
