package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.WebSession;
import java.time.Instant;
import java.util.Optional;

/**
 * What every CloudKit call goes through before its handler, in order: a live web session in good MFA
 * standing (else 421), no security key (401, §5.6), no ADP (403 ACCESS_DENIED), a ready library (400
 * BAD_REQUEST during the not-ready window, which starts at the account's first CloudKit call).
 */
public final class CloudKitGate {

    private final SimulatorState state;

    public CloudKitGate(SimulatorState state) {
        this.state = state;
    }

    public Handler protect(CloudKitDatabase database, CloudKitHandler handler) {
        return request -> {
            Optional<WebSession> found = state.webSessions().find(request.cookies());
            if (found.isEmpty() || needsSecondFactor(found.get())) {
                return CloudKitErrors.error(421, "AUTHENTICATION_REQUIRED", "Authentication required");
            }
            AccountState account = found.get().account();
            if (account.has(AccountFlag.FIDO)) {
                return CloudKitErrors.error(401, "AUTHENTICATION_FAILED", "no auth method found");
            }
            if (account.has(AccountFlag.ADP)) {
                return CloudKitErrors.error(403, "ACCESS_DENIED", "private db access disabled for this account");
            }
            if (account.has(AccountFlag.NOT_READY)) {
                Instant now = state.now();
                Instant ready = account.firstCloudKitCall(now).plus(state.config().notReadyDuration());
                if (now.isBefore(ready)) {
                    return CloudKitErrors.badRequest("Bad Request");
                }
            }
            return handler.handle(new CloudKitRequest(request, found.get(), database));
        };
    }

    /** MFA not done yet, or its trust ran out: the web session no longer opens the library. */
    private boolean needsSecondFactor(WebSession session) {
        return session.account().account().signInMode() != AccountFlag.NO_MFA
                && session.auth().hsaStatus(state.now()).challengeRequired();
    }
}
