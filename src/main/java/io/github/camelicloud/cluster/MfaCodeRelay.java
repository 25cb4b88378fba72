package io.github.camelicloud.cluster;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's web page as a way into the cluster's MFA: while the account's leader (any node) waits for a code, this
 * node's page asks for one ({@code local}, the page's provider), and the code typed there goes to the leader through
 * {@link PendingMfaCodes}. When the prompt closes elsewhere first (a code typed on another node), the page stops
 * asking ({@code idle}). One thread per account; codes are never logged.
 */
public final class MfaCodeRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MfaCodeRelay.class);
    private static final long POLL_MS = 1000;

    private final PendingMfaCodes codes;
    private final String account;
    private final MfaCodeProvider local;
    private final Runnable idle;
    private final Thread thread;

    public MfaCodeRelay(PendingMfaCodes codes, String account, MfaCodeProvider local, Runnable idle) {
        this.codes = codes;
        this.account = account;
        this.local = local;
        this.idle = idle;
        this.thread = new Thread(this::run, "icloud-mfa-relay");
        thread.setDaemon(true);
    }

    public MfaCodeRelay start() {
        thread.start();
        return this;
    }

    private void run() {
        Instant answered = null;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Optional<PendingMfaCodes.Prompt> prompt = codes.prompt(account);
                if (prompt.isPresent() && prompt.get().waiting() && !prompt.get().since().equals(answered)) {
                    answer(prompt.get());
                    answered = prompt.get().since();
                }
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not relay the MFA prompt of {}: {}", account, e.getMessage());
                sleep();
            }
        }
    }

    /** Asks the page in a thread of its own, which is interrupted when the prompt is no longer waiting. */
    private void answer(PendingMfaCodes.Prompt prompt) throws InterruptedException {
        AtomicReference<Optional<MfaCodeProvider.Hsa2Answer>> answer = new AtomicReference<>();
        Thread asking = new Thread(() -> answer.set(local.twoFactor(account, List.of(), prompt.previousWrong())),
                "icloud-mfa-relay-page");
        asking.setDaemon(true);
        asking.start();
        while (asking.isAlive()) {
            asking.join(POLL_MS);
            if (asking.isAlive() && !codes.prompt(account).map(p -> p.waiting() && p.since().equals(prompt.since()))
                    .orElse(false)) {
                asking.interrupt(); // answered on another node, or the leader gave up
                asking.join();
                idle.run();
                return;
            }
        }
        Optional<MfaCodeProvider.Hsa2Answer> given = answer.get();
        if (given != null && given.isPresent() && given.get() instanceof MfaCodeProvider.DeviceCode code) {
            codes.submit(account, code.code());
            LOG.info("Handed the verification code of {} to its leader, node {}", account, prompt.node());
        } else if (given != null && given.isPresent()) {
            LOG.warn("A text message cannot be requested through the cluster: enter the code a trusted device shows");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
