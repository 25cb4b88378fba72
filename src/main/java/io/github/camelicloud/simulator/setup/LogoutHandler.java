package io.github.camelicloud.simulator.setup;

import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.WebSession;
import java.util.Optional;

/**
 * {@code POST /setup/ws/1/logout} ({@code {"trustBrowser":true,"allBrowsers":false}}): ends the web session
 * named by the cookies, keeping the 2sv trust (the next sign-in needs no code); {@code {"success":true}}.
 * Without a live session: 421, as Apple answers a client that was not signed in.
 */
final class LogoutHandler implements Handler {

    private final SimulatorState state;

    LogoutHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        Optional<WebSession> found = state.webSessions().find(request.cookies());
        if (found.isEmpty()) {
            return SetupResponses.authenticationRequired(state);
        }
        found.get().expire();
        return SetupResponses.json(state, Json.object().put("success", true));
    }
}
