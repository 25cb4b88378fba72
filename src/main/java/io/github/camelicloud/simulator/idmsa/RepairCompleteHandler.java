package io.github.camelicloud.simulator.idmsa;

import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.Optional;

/** A3 {@code POST /appleauth/auth/repair/complete}: after a 412, 200 with an empty body and fresh session headers. */
final class RepairCompleteHandler implements Handler {

    private final SimulatorState state;

    RepairCompleteHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        Optional<AuthSession> session = SessionLocator.locate(request, state.authSessions());
        if (session.isEmpty()) {
            return IdmsaResponses.noSession(state);
        }
        session.get().account().markRepaired();
        return IdmsaResponses.withSession(Response.text(200, Response.IDMSA_JSON, ""), state, request, session.get())
                .withHeader("Location", "/auth");
    }
}
