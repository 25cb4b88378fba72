package io.github.camelicloud.app.webui;

import io.github.camelicloud.app.credentials.AwaitedMfaCodes;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the web page shows and what it hands over: the sign-in waits here for a password or a code typed
 * into the page. Secrets pass through once and are never kept for display. Thread-safe (the sign-in thread
 * waits, the HTTP threads supply).
 */
public final class WebUiState {

    /** Where the run is; the page offers a form only in the waiting phases. */
    public enum Phase {
        STARTING("Starting"),
        SIGNING_IN("Signing in"),
        WAITING_FOR_PASSWORD("Waiting for the password"),
        WAITING_FOR_CODE("Waiting for the verification code"),
        WAITING_FOR_SMS_CODE("Waiting for the code sent by SMS"),
        SIGNED_IN("Signed in"),
        SYNCING("Syncing"),
        DONE("Done"),
        FAILED("Failed");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** An immutable view for rendering; holds no secret. */
    public record Snapshot(String username, Phase phase, List<TrustedPhone> phones, Optional<TrustedPhone> smsPhone,
            Optional<Instant> trustExpiresAt, int assetsDone, long assetsTotal, String notice) {
    }

    private final String username;
    private Phase phase = Phase.STARTING;
    private List<TrustedPhone> phones = List.of();
    private TrustedPhone smsPhone;
    private Instant trustExpiresAt;
    private int assetsDone;
    private long assetsTotal = -1;
    private String notice = "";
    private Object answer; // the password, a DeviceCode/SendSms or an SMS code, until the waiting thread takes it

    public WebUiState(String username) {
        this.username = username;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(username, phase, phones, Optional.ofNullable(smsPhone), Optional.ofNullable(trustExpiresAt),
                assetsDone, assetsTotal, notice);
    }

    /** Blocks until the page supplies a password; empty when interrupted (the run is stopping). */
    Optional<String> awaitPassword() {
        return await(Phase.WAITING_FOR_PASSWORD, "", String.class);
    }

    Optional<MfaCodeProvider.Hsa2Answer> awaitTwoFactor(List<TrustedPhone> offered, boolean previousWrong) {
        synchronized (this) {
            phones = List.copyOf(offered);
            smsPhone = null;
        }
        return await(Phase.WAITING_FOR_CODE, previousWrong ? "The code was not accepted, please try again." : "",
                MfaCodeProvider.Hsa2Answer.class);
    }

    Optional<String> awaitSmsCode(TrustedPhone phone, boolean previousWrong) {
        synchronized (this) {
            smsPhone = phone;
        }
        return await(Phase.WAITING_FOR_SMS_CODE, previousWrong ? "The code was not accepted, please try again."
                : "A code was sent by SMS to " + phone.obfuscatedNumber() + ".", String.class);
    }

    private synchronized <T> Optional<T> await(Phase waiting, String message, Class<T> type) {
        phase = waiting;
        notice = message;
        answer = null;
        try {
            while (!type.isInstance(answer)) {
                wait();
            }
            T result = type.cast(answer);
            answer = null;
            phase = Phase.SIGNING_IN;
            notice = "";
            return Optional.of(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** False when the page is not waiting for a password (a stale form). */
    public synchronized boolean supplyPassword(String password) {
        return supply(phase == Phase.WAITING_FOR_PASSWORD && !password.isEmpty(), password);
    }

    /** A device code, or the SMS code when one was sent. */
    public synchronized boolean supplyCode(String code) {
        if (!AwaitedMfaCodes.isCode(code)) {
            return false;
        }
        if (phase == Phase.WAITING_FOR_SMS_CODE) {
            return supply(true, code);
        }
        return supply(phase == Phase.WAITING_FOR_CODE, new MfaCodeProvider.DeviceCode(code));
    }

    /** Asks Apple to text a code to the phone at {@code index} of the list shown. */
    public synchronized boolean requestSms(int index) {
        return supply(phase == Phase.WAITING_FOR_CODE && index >= 0 && index < phones.size(),
                new MfaCodeProvider.SendSms(phones.get(Math.max(0, Math.min(index, phones.size() - 1)))));
    }

    private boolean supply(boolean accepted, Object value) {
        if (!accepted) {
            return false;
        }
        answer = value;
        notice = "Checking…";
        notifyAll();
        return true;
    }

    public synchronized void signingIn() {
        phase = Phase.SIGNING_IN;
    }

    public synchronized void signedIn(AccountSession account) {
        phase = Phase.SIGNED_IN;
        trustExpiresAt = account.trustExpiresAt().orElse(null);
        notice = "";
    }

    public synchronized void progress(int done, long total) {
        phase = Phase.SYNCING;
        assetsDone = done;
        assetsTotal = total;
    }

    public synchronized void finished(boolean success, String message) {
        phase = success ? Phase.DONE : Phase.FAILED;
        notice = message;
    }
}
