package io.github.camelicloud.simulator.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.HsaStatus;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.WebSession;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S1 {@code POST /setup/ws/1/accountLogin}: trades an idmsa session token ({@code dsWebAuthToken}) for a
 * web session and its cookies. A still-valid {@code trustToken} marks the sign-in trusted, as in the
 * second accountLogin of 2fa_flow_valid_code.
 */
final class AccountLoginHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(AccountLoginHandler.class);

    private final SimulatorState state;

    AccountLoginHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        JsonNode body = request.json();
        Optional<AuthSession> found = state.authSessions().byToken(Json.text(body, "dsWebAuthToken"));
        if (found.isEmpty()) {
            return SetupResponses.invalidToken(state);
        }
        AuthSession auth = found.get();
        state.trustGrants().valid(Json.text(body, "trustToken"), auth.account(), state.now())
                .ifPresent(grant -> auth.trustUntil(grant.expiresAt()));
        WebSession web = state.webSessions().create(auth, state.now());
        HsaStatus hsa = auth.hsaStatus(state.now());
        if (auth.account().account().signInMode() == AccountFlag.NO_MFA) {
            LOG.info("accountLogin for {} (no second factor)", auth.account().email());
        } else {
            LOG.info("accountLogin for {} (challengeRequired={}, trusted={})", auth.account().email(),
                    hsa.challengeRequired(), hsa.trustedBrowser());
        }
        Response response = SetupResponses.json(state, AccountDataFactory.build(auth.account(), hsa,
                state.hosts(), request, state.config().accountCountry()));
        return response.withCookies(WebAuthCookies.login(web, hsa, state.now(), state.hosts().cookieScope(request)));
    }
}
