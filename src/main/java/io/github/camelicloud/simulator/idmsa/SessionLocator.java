package io.github.camelicloud.simulator.idmsa;

import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.AuthSessions;
import java.util.Optional;

/**
 * Finds the sign-in a follow-up idmsa call belongs to. icloudpd sends the SMS calls without cookies and
 * sometimes with a stale {@code scnt} (§2.2), so any one of session id, scnt or aasp cookie is enough.
 */
final class SessionLocator {

    private SessionLocator() {
    }

    static Optional<AuthSession> locate(Request request, AuthSessions sessions) {
        return request.header("X-Apple-ID-Session-Id").flatMap(sessions::byId)
                .or(() -> request.header("scnt").flatMap(sessions::byScnt))
                .or(() -> Optional.ofNullable(request.cookies().get("aasp")).flatMap(sessions::byAasp));
    }
}
