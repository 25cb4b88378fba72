package io.github.camelicloud.simulator.idmsa;

import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.HsaStatus;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.TrustGrant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A9 {@code GET /appleauth/auth/2sv/trust}: after a verified code, 204 with a trust token valid for the
 * account's trust duration (else the simulator's) on the simulator clock, and a new session token.
 */
final class TrustHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(TrustHandler.class);

    private final SimulatorState state;

    TrustHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        Optional<AuthSession> found = SessionLocator.locate(request, state.authSessions());
        if (found.isEmpty()) {
            return IdmsaResponses.noSession(state);
        }
        AuthSession session = found.get();
        Optional<Response> refused = OriginCheck.refuse(request, state, session);
        if (refused.isPresent()) {
            return refused.get();
        }
        HsaStatus status = session.hsaStatus(state.now());
        if (status.challengeRequired()) {
            // Trust is only handed out to a sign-in that passed its second factor.
            return IdmsaResponses.decorate(IdmsaResponses.serviceError(401, IdmsaResponses.NO_SESSION_CODE,
                    "Verify your identity before trusting this browser."), state, session.scnt());
        }
        TrustGrant grant = state.trustGrants().issue(session.account(), state.now(),
                state.now().plus(session.account().account().trustDurationOr(state.config().trustDuration())));
        session.trustUntil(grant.expiresAt());
        LOG.info("Browser trusted for {} until {}", session.account().email(), grant.expiresAt());
        Response response = IdmsaResponses.withSession(Response.text(204, Response.IDMSA_HTML, ""), state, request,
                session)
                .withHeader("X-Apple-TwoSV-Trust-Token", grant.token())
                .withHeader("X-Apple-OAuth-Grant-Code", state.tokens().base64Url(32));
        return IdmsaResponses.withLocaleCookies(response, state, request);
    }
}
