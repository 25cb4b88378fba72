package io.github.camelicloud.simulator.idmsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.CookieScope;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.http.SetCookie;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.List;

/** The headers and error bodies idmsa puts on its answers, as recorded in the cassettes (§2.3, §3.5, §5.3). */
final class IdmsaResponses {

    static final String WRONG_CREDENTIALS_CODE = "-20101";
    static final String WRONG_CREDENTIALS_MESSAGE =
            "Enter the email or phone number and password for your Apple Account.";
    static final String LOCKED_CODE = "-20209";
    /** A refused proof made with an app-specific password (icloudpd #1342); the message is not recorded. */
    static final String APP_PASSWORD_CODE = "-20283";
    static final String LOCKED_MESSAGE = "This Apple Account has been locked for security reasons. Visit iForgot to "
            + "reset your account (https://iforgot.apple.com).";
    /**
     * Not recorded anywhere: our own code and wording for a step that names no live idmsa session. Kept
     * apart from -20101 so a client does not read it as a wrong password.
     */
    static final String NO_SESSION_CODE = "-21115";
    static final String NO_SESSION_MESSAGE = "Your session has expired. Please sign in again.";
    static final String WRONG_CODE = "-21669";

    private IdmsaResponses() {
    }

    /** Headers on every idmsa answer: no caching, Apple's server name, a request id, and {@code scnt}. */
    static Response decorate(Response response, SimulatorState state, String scnt) {
        return response.withHeader("Cache-Control", "no-cache").withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache").withHeader("Server", "Apple")
                .withHeader("X-Apple-I-Request-ID", state.tokens().requestId())
                .withHeader("scnt", scnt);
    }

    /**
     * The session headers of a step that moves the sign-in on (A2, A3, A6, A8, A9), with a freshly rotated
     * session token, plus the {@code aasp} cookie (a fallback way back to the session).
     */
    static Response withSession(Response response, SimulatorState state, Request request, AuthSession session) {
        String token = state.authSessions().issueToken(session);
        return decorate(response, state, session.scnt())
                .withHeader("X-Apple-Session-Token", token)
                .withHeader("X-Apple-ID-Session-Id", session.id())
                .withHeader("X-Apple-ID-Account-Country", state.config().accountCountry())
                .withHeader("X-Apple-TwoSV-Trust-Eligible", "true")
                .withHeader("X-Apple-Auth-Attributes", state.tokens().base64Url(24))
                .withCookie(new SetCookie("aasp", session.aasp(), false, null, true, state.hosts().cookieScope(request)));
    }

    /** idmsa's {@code dslang}/{@code site} cookies, set after a code or trust step (bare values, as recorded). */
    static Response withLocaleCookies(Response response, SimulatorState state, Request request) {
        CookieScope scope = state.hosts().cookieScope(request);
        return response.withCookies(List.of(
                new SetCookie("dslang", "US-EN", false, null, true, scope),
                new SetCookie("site", state.config().accountCountry(), false, null, true, scope)));
    }

    /** {@code {"serviceErrors":[{"code":..,"message":..,"suppressDismissal":false}]}}, the A2 error shape. */
    static Response serviceError(int status, String code, String message) {
        ObjectNode error = Json.object().put("code", code).put("message", message).put("suppressDismissal", false);
        ObjectNode body = Json.object();
        body.putArray("serviceErrors").add(error);
        return Response.json(status, Response.IDMSA_JSON, body);
    }

    /** The 400 of a wrong verification code, byte-for-byte the 2fa_flow_invalid_code answer (modulo spaces). */
    static Response wrongCode(SimulatorState state, Request request, String scnt) {
        ObjectNode error = Json.object().put("code", WRONG_CODE).put("title", "Incorrect Verification Code")
                .put("message", "Incorrect verification code.").put("suppressDismissal", false);
        ObjectNode body = Json.object();
        body.putArray("service_errors").add(error);
        body.put("hasError", true);
        Response response = decorate(Response.json(400, Response.IDMSA_JSON, body), state, scnt)
                .withHeader("X-Apple-I-Ercd", WRONG_CODE);
        return withLocaleCookies(response, state, request);
    }

    static Response noSession(SimulatorState state) {
        return decorate(serviceError(401, NO_SESSION_CODE, NO_SESSION_MESSAGE), state, newScnt(state));
    }

    static String newScnt(SimulatorState state) {
        return "AAAA-" + state.tokens().base64Url(48);
    }
}
