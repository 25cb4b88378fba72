package io.github.camelicloud.simulator.state;

import java.time.Instant;

/**
 * The second-factor standing of a sign-in, as accountLogin/validate report it.
 *
 * @param challengeRequired {@code hsaChallengeRequired}: the client must (re)do MFA
 * @param trustedBrowser    {@code hsaTrustedBrowser}: a trust grant is in force
 * @param trustExpiresAt    when that trust ends, or null
 */
public record HsaStatus(boolean challengeRequired, boolean trustedBrowser, Instant trustExpiresAt) {
}
