package io.github.camelicloud.simulator.idmsa;

import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code strict-origin} account flag: since 2026 Apple checks the code and trust calls (icloud-photos-sync
 * PR #1104): they must come from the web app's origin ({@code Origin} and {@code Referer} of
 * {@code https://www.icloud.com}, not idmsa's) and carry none of the headers icloud.com does not send there.
 * The refusal's status and body are ours: no report shows Apple's.
 */
final class OriginCheck {

    private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);

    /** Headers icloud.com does not send on these calls. */
    static final List<String> FOREIGN_HEADERS = List.of("X-Apple-Offer-Security-Upgrade", "X-Apple-I-FD-Client-Info",
            "X-Apple-Auth-Attributes");

    private OriginCheck() {
    }

    /** A refusal when the account is strict and the call does not look like icloud.com's, else empty. */
    static Optional<Response> refuse(Request request, SimulatorState state, AuthSession session) {
        if (!session.account().has(AccountFlag.STRICT_ORIGIN)) {
            return Optional.empty();
        }
        String problem = problem(request, state.hosts().homeRoots());
        if (problem == null) {
            return Optional.empty();
        }
        LOG.info("Refused {} {} for {}: {}", request.method(), request.path(), session.account().email(), problem);
        return Optional.of(IdmsaResponses.decorate(IdmsaResponses.serviceError(403, "-21000",
                "Request refused: " + problem), state, session.scnt()));
    }

    private static String problem(Request request, List<String> homes) {
        String origin = request.header("Origin").orElse("");
        if (!homes.contains(origin)) {
            return "Origin '" + origin + "' is not the web app's";
        }
        String referer = request.header("Referer").orElse("");
        if (!referer.startsWith(origin)) {
            return "Referer '" + referer + "' is not the web app's";
        }
        return FOREIGN_HEADERS.stream().filter(h -> request.header(h).isPresent()).findFirst()
                .map(h -> h + " is not sent by icloud.com").orElse(null);
    }
}
