package io.github.camelicloud.client.mfa;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert: the account entered {@code state} at {@code detectedAt}. Holds no secret, so it may be logged,
 * mailed or handed to a script as it is.
 *
 * @param trustExpiresAt when the trust ends or ended, when Apple told us
 * @param reason         what was observed, e.g. Apple's "MFA required" message; empty for a warning
 */
public record MfaAlert(String username, MfaState state, Optional<Instant> trustExpiresAt, Instant detectedAt,
        String reason) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    public MfaAlert {
        Objects.requireNonNull(username, "username");
        if (state == null || state == MfaState.OK) {
            throw new IllegalArgumentException("an alert is for EXPIRING_SOON or MFA_REQUIRED, not " + state);
        }
        Objects.requireNonNull(trustExpiresAt, "trustExpiresAt");
        Objects.requireNonNull(detectedAt, "detectedAt");
        reason = reason == null ? "" : reason;
    }

    /** {@code mfa-expiring} or {@code mfa-required}. */
    public String event() {
        return state.eventName();
    }

    /** The command that renews the trust. */
    public String reauthenticationCommand() {
        return "camel-icloud --username " + username + " --auth-only";
    }

    /** A one-line summary, used as the mail subject. */
    public String subject() {
        return state == MfaState.MFA_REQUIRED
                ? "camel-icloud: Two step authentication has expired for " + username
                : "camel-icloud: Two step authentication for " + username + " expires "
                        + trustExpiresAt.map(t -> "on " + when(t)).orElse("soon");
    }

    /**
     * The full text for a person: which account, what happened, when the trust expires or expired, and how to
     * re-authenticate ({@code webPage}: the address of the MFA web page, when one is running).
     */
    public String message(Optional<String> webPage) {
        StringBuilder text = new StringBuilder("Hello,\n\n");
        if (state == MfaState.MFA_REQUIRED) {
            text.append("camel-icloud can no longer sign in to iCloud as ").append(username)
                    .append(" without a verification code: Apple's two-step authentication trust ")
                    .append(trustExpiresAt.map(t -> "expired on " + when(t)).orElse("has expired"))
                    .append(".\nPhotos are not being synced until you sign in again.\n");
            if (!reason.isEmpty()) {
                text.append("\nWhat Apple answered: ").append(reason).append('\n');
            }
        } else {
            text.append("Apple's two-step authentication trust for ").append(username).append(" expires ")
                    .append(trustExpiresAt.map(t -> "on " + when(t) + " (in " + daysLeft(t) + ")").orElse("soon"))
                    .append(".\nAfter that camel-icloud cannot sync without a new verification code.\n");
        }
        text.append("\nTo re-authenticate, run this in a terminal and enter the code sent to your trusted device:\n\n    ")
                .append(reauthenticationCommand()).append('\n');
        webPage.filter(p -> !p.isBlank()).ifPresent(p -> text.append("\nor open the web page ").append(p)
                .append(" and enter the code there.\n"));
        text.append("\nA running camel-icloud picks the new session up at its next poll.\n\nDetected at ")
                .append(when(detectedAt)).append(".\n");
        return text.toString();
    }

    private String daysLeft(Instant expiry) {
        long hours = Math.max(0, Duration.between(detectedAt, expiry).toHours());
        return hours < 48 ? hours + " hours" : Math.round(hours / 24.0) + " days";
    }

    private static String when(Instant instant) {
        return WHEN.withZone(ZoneId.systemDefault()).format(instant);
    }
}
