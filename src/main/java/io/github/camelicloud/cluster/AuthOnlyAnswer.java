package io.github.camelicloud.cluster;

import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.InvalidMfaCodeException;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code --auth-only} on a cluster node: the account's leader signs in, so this run does not. It waits for the
 * leader's prompt, asks the user for the code ({@code local}: the console or the web page), hands it over through
 * {@link PendingMfaCodes} and waits until the leader stored a new session (success) or asks again (wrong code).
 */
public final class AuthOnlyAnswer {

    private static final long POLL_MS = 500;
    private static final int ATTEMPTS = 3;

    private final ClusterState cluster;
    private final String account;
    private final Duration wait;

    public AuthOnlyAnswer(ClusterState cluster, String account, Duration wait) {
        this.cluster = cluster;
        this.account = account;
        this.wait = wait;
    }

    /** Relays codes until the leader signed in; which node it was. */
    public String run(MfaCodeProvider local) throws InterruptedException {
        PendingMfaCodes codes = cluster.codes();
        boolean wrong = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PendingMfaCodes.Prompt prompt = awaitPrompt(codes);
            Optional<MfaCodeProvider.Hsa2Answer> answer = local.twoFactor(account, List.of(), wrong
                    || prompt.previousWrong());
            if (answer.isEmpty() || !(answer.get() instanceof MfaCodeProvider.DeviceCode code)) {
                throw new ICloudException("No verification code was entered for " + account + "; run --auth-only"
                        + " again on a terminal, or enter the code on a node's web page");
            }
            long version = cluster.sessionVersion(account);
            codes.submit(account, code.code());
            wrong = false;
            Instant until = Instant.now().plus(wait);
            while (Instant.now().isBefore(until)) {
                Thread.sleep(POLL_MS);
                if (cluster.sessionVersion(account) != version && !codes.prompt(account).map(
                        PendingMfaCodes.Prompt::waiting).orElse(false)) {
                    return prompt.node();
                }
                Optional<PendingMfaCodes.Prompt> now = codes.prompt(account);
                if (now.isPresent() && now.get().waiting() && now.get().previousWrong()
                        && now.get().since().isAfter(prompt.since())) {
                    wrong = true;
                    break;
                }
            }
            if (!wrong) {
                throw new ICloudException("The leader of " + account + " did not sign in within " + wait.toSeconds()
                        + " s after the code was handed over; see node " + prompt.node() + "'s log");
            }
        }
        throw new InvalidMfaCodeException(ATTEMPTS, "two-factor");
    }

    private PendingMfaCodes.Prompt awaitPrompt(PendingMfaCodes codes) throws InterruptedException {
        Instant until = Instant.now().plus(wait);
        while (true) {
            Optional<PendingMfaCodes.Prompt> prompt = codes.prompt(account);
            if (prompt.isPresent() && prompt.get().waiting()) {
                return prompt.get();
            }
            if (Instant.now().isAfter(until)) {
                throw new ICloudException("No node of the cluster is waiting for a verification code for " + account
                        + " (its shared session needs none now, or its leader has not polled yet): nothing to do");
            }
            Thread.sleep(POLL_MS);
        }
    }
}
