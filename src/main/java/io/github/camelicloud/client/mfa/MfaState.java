package io.github.camelicloud.client.mfa;

/**
 * How close an account is to needing a verification code again. The order is the order of gravity: a
 * monitor moves through it as Apple's trust runs out ({@code OK → EXPIRING_SOON → MFA_REQUIRED}) and
 * back to {@code OK} when the user signs in again with a code.
 */
public enum MfaState {
    /** Trusted for longer than the warning period (or no expiry known). */
    OK(null),
    /** The trust ends within the warning period: the user should re-authenticate before then. */
    EXPIRING_SOON("mfa-expiring"),
    /** Apple wants a code (or a password) now and none can be had unattended: syncing has stopped. */
    MFA_REQUIRED("mfa-required");

    private final String eventName;

    MfaState(String eventName) {
        this.eventName = eventName;
    }

    /** The alert's name ({@code mfa-expiring}, {@code mfa-required}); null for {@link #OK}, which alerts nobody. */
    public String eventName() {
        return eventName;
    }
}
