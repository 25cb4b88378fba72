package io.github.camelicloud.client.mfa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one account's MFA standing ({@code OK → EXPIRING_SOON → MFA_REQUIRED}) from what the sync sees,
 * and hands out at most one {@link MfaAlert} per change of state. The last state alerted is kept in a
 * {@link NotifiedState} file next to the session (in a cluster: its database), and read again before a change is
 * alerted, so a restart, the next run of a cron job or the account's next leader does not alert again for the same
 * state. Thread-safe: the consumers of several destinations share one monitor.
 */
public final class MfaStateMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(MfaStateMonitor.class);

    private final String username;
    private final Duration warning;
    private final NotifiedState notified;
    private final Clock clock;
    private MfaState state;
    private Optional<Instant> trustExpiresAt = Optional.empty();

    /**
     * @param warning  how long before the trust's end {@code EXPIRING_SOON} starts (icloudpd users know 7 days)
     * @param notified where the last alerted state survives restarts
     */
    public MfaStateMonitor(String username, Duration warning, NotifiedState notified, Clock clock) {
        this.username = Objects.requireNonNull(username, "username");
        if (warning.isNegative()) {
            throw new IllegalArgumentException("the MFA expiry warning period must not be negative, got " + warning);
        }
        this.warning = warning;
        this.notified = Objects.requireNonNull(notified, "notified");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = notified.load().orElse(MfaState.OK);
    }

    /**
     * iCloud answered with the session: the state follows from the trust's expiry (none known counts as
     * {@code OK}: accounts without MFA, or servers that do not say).
     */
    public synchronized Optional<MfaAlert> working(Optional<Instant> trustExpiry) {
        trustExpiresAt = Objects.requireNonNull(trustExpiry, "trustExpiry");
        Instant now = clock.instant();
        boolean soon = trustExpiry.map(t -> !now.plus(warning).isBefore(t)).orElse(false);
        return moveTo(soon ? MfaState.EXPIRING_SOON : MfaState.OK, "");
    }

    /** Apple wants a code (or a password) that cannot be had unattended. */
    public synchronized Optional<MfaAlert> reauthenticationRequired(String reason) {
        return moveTo(MfaState.MFA_REQUIRED, reason);
    }

    public synchronized MfaState state() {
        return state;
    }

    /** The trust's end as last seen on a working session. */
    public synchronized Optional<Instant> trustExpiresAt() {
        return trustExpiresAt;
    }

    private Optional<MfaAlert> moveTo(MfaState next, String reason) {
        if (next == state) {
            return Optional.empty();
        }
        if (notified.load().filter(next::equals).isPresent()) {
            state = next; // alerted already, by another run or (in a cluster) the account's previous leader
            return Optional.empty();
        }
        MfaState previous = state;
        state = next;
        notified.save(next);
        if (next == MfaState.OK) {
            LOG.info("The MFA trust of {} was renewed{}; alerts are armed again", username,
                    trustExpiresAt.map(t -> " (now until " + t + ")").orElse(""));
            return Optional.empty();
        }
        LOG.debug("MFA state of {}: {} -> {}", username, previous, next);
        return Optional.of(new MfaAlert(username, next, trustExpiresAt, clock.instant(), reason));
    }
}
