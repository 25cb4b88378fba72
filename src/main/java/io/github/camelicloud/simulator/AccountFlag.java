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
    LOCKED("locked"),
    /**
     * A correct code answers 409 (body {@code securityCode.valid: true}) instead of 204/200, with a new
     * {@code X-Apple-Session-Token} (rclone #9488/PR #9660, kei #596).
     */
    HSA2_409("hsa2-409"),
    /** As {@link #HSA2_409} but the 409 carries no session token (rclone #9730): 2sv/trust hands it out. */
    HSA2_409_NO_TOKEN("hsa2-409-no-token"),
    /**
     * The code and trust calls are refused (403) unless Origin/Referer name the web app ({@code
     * https://www.icloud.com}) and they carry none of the headers icloud.com does not send there
     * (icloud-photos-sync PR #1104).
     */
    STRICT_ORIGIN("strict-origin"),
    /** zones/list puts a zone-fetch error entry (with a zoneID, PrimarySync*) ahead of the healthy zones (icloudpd PR #1367). */
    ZONE_ERRORS("zone-errors"),
    /** zones/list also lists a {@code CMM-<uuid>} zone (a share link), which is not a library. */
    CMM_ZONE("cmm-zone"),
    /**
     * records/query answers partial batches (icloud-protocol.md §13 3.2: CloudKit "often returns partial batches"):
     * a page from a start rank that is not a multiple of 37 holds fewer pairs than asked, never none.
     */
    SHORT_PAGES("short-pages"),
    /**
     * A refused password is answered as for an app-specific password: 401 with -20283 (icloudpd #1342). The
     * simulator cannot tell an app-specific password from a wrong one (the SRP proof hides it); Apple can.
     */
    APP_PASSWORD("app-password");

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
