package io.github.camelicloud.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a simulated account behaves. {@link #MFA}, {@link #TWO_SA} and {@link #NO_MFA} are the sign-in
 * mode (exactly one applies; MFA when none is given); the others add behaviour on top.
 */
public enum AccountFlag {
    /** HSA2 two-factor authentication: signin/complete answers 409, a 6-digit code, then 2sv/trust. */
    MFA("mfa"),
    /** Legacy two-step verification (hsaVersion 1): codes through setup's listDevices/sendVerificationCode. */
    TWO_SA("2sa"),
    /** No second factor: signin/complete answers 412 until repair/complete, accountLogin has no hsa keys. */
    NO_MFA("nomfa"),
    /** HSA2 with a hardware security key: 409 carries fsaChallenge/keyNames; CloudKit refuses the web session. */
    FIDO("fido"),
    /** Advanced Data Protection (web access off): every CloudKit call answers ACCESS_DENIED. */
    ADP("adp"),
    /** A freshly set-up library: CloudKit answers 400 BAD_REQUEST for a while after the first call. */
    NOT_READY("not-ready"),
    /** signin/complete answers 403 with service error -20209. */
    LOCKED("locked");

    private final String wireName;

    AccountFlag(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling used in {@code EMAIL:PASSWORD:FLAGS}. */
    public String wireName() {
        return wireName;
    }

    public boolean isSignInMode() {
        return this == MFA || this == TWO_SA || this == NO_MFA;
    }

    public static AccountFlag fromWire(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown account flag '" + name + "' (expected one of "
                        + Arrays.stream(values()).map(AccountFlag::wireName).collect(Collectors.joining(", ")) + ")"));
    }
}
