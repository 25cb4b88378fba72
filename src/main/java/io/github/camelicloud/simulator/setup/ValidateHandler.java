package io.github.camelicloud.simulator.setup;

import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.HsaStatus;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.WebSession;
import java.util.Optional;

/**
 * S2 {@code POST /setup/ws/1/validate}: the accountLogin body again for a live web session, 421 otherwise.
 * Once the trust grant has run out it reports hsaChallengeRequired so the client redoes MFA (§12).
 */
final class ValidateHandler implements Handler {

    private final SimulatorState state;

    ValidateHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        Optional<WebSession> found = state.webSessions().find(request.cookies());
        if (found.isEmpty()) {
            return SetupResponses.authenticationRequired(state);
        }
        WebSession web = found.get();
        HsaStatus hsa = web.auth().hsaStatus(state.now());
        Response response = SetupResponses.json(state, AccountDataFactory.build(web.account(), hsa, state.hosts(), request,
                state.config().accountCountry()));
        return response.withCookies(WebAuthCookies.refresh(web, hsa, state.now(), state.hosts().cookieScope(request)));
    }
}
