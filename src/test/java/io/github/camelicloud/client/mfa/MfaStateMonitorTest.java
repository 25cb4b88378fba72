package io.github.camelicloud.client.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state machine of MFA alerts: one alert per change of state, remembered across restarts. */
class MfaStateMonitorTest {

    private static final String USER = "me@example.com";
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path cookies;

    private final MovableClock clock = new MovableClock(START);

    private MfaStateMonitor monitor() {
        return new MfaStateMonitor(USER, Duration.ofDays(7), NotifiedState.nextTo(session()), clock);
    }

    private Path session() {
        return cookies.resolve("meexamplecom.camel-icloud.json");
    }

    @Test
    void warnsOnceWhenTheTrustNearsItsEndThenOnceWhenMfaIsRequired() {
        MfaStateMonitor monitor = monitor();
        Optional<Instant> expiry = Optional.of(START.plus(Duration.ofDays(30)));
        assertThat(monitor.working(expiry)).isEmpty();
        assertThat(monitor.state()).isEqualTo(MfaState.OK);

        clock.now = START.plus(Duration.ofDays(24)); // 6 days left
        MfaAlert warning = monitor.working(expiry).orElseThrow();
        assertThat(warning.state()).isEqualTo(MfaState.EXPIRING_SOON);
        assertThat(warning.event()).isEqualTo("mfa-expiring");
        assertThat(warning.trustExpiresAt()).isEqualTo(expiry);
        clock.now = START.plus(Duration.ofDays(25));
        assertThat(monitor.working(expiry)).isEmpty();
        assertThat(monitor.working(expiry)).isEmpty();

        MfaAlert required = monitor.reauthenticationRequired("Apple wants a code").orElseThrow();
        assertThat(required.event()).isEqualTo("mfa-required");
        assertThat(required.reason()).isEqualTo("Apple wants a code");
        assertThat(monitor.reauthenticationRequired("Apple wants a code")).isEmpty();
        assertThat(monitor.state()).isEqualTo(MfaState.MFA_REQUIRED);
    }

    @Test
    void aRestartDoesNotAlertAgainForTheSameState() {
        clock.now = START.plus(Duration.ofDays(28));
        Optional<Instant> expiry = Optional.of(START.plus(Duration.ofDays(30)));
        assertThat(monitor().working(expiry)).isPresent();
        assertThat(Files.exists(cookies.resolve("meexamplecom.camel-icloud.mfa-state.json"))).isTrue();

        MfaStateMonitor restarted = monitor();
        assertThat(restarted.state()).isEqualTo(MfaState.EXPIRING_SOON);
        assertThat(restarted.working(expiry)).isEmpty();
        assertThat(restarted.reauthenticationRequired("code needed")).isPresent();
        assertThat(monitor().reauthenticationRequired("code needed")).isEmpty();
    }

    @Test
    void aRenewedTrustArmsTheAlertsAgain() {
        MfaStateMonitor monitor = monitor();
        assertThat(monitor.reauthenticationRequired("code needed")).isPresent();
        Optional<Instant> renewed = Optional.of(clock.now.plus(Duration.ofDays(60)));
        assertThat(monitor.working(renewed)).isEmpty(); // OK: nobody is alerted, the user did it
        assertThat(monitor.state()).isEqualTo(MfaState.OK);
        clock.now = clock.now.plus(Duration.ofDays(55));
        assertThat(monitor.working(renewed)).isPresent();
        assertThat(monitor.reauthenticationRequired("again")).isPresent();
    }

    @Test
    void noKnownExpiryIsOkAndAnUnreadableStateFileCostsAtMostARepeat() throws Exception {
        Files.writeString(cookies.resolve("meexamplecom.camel-icloud.mfa-state.json"), "{not json");
        MfaStateMonitor monitor = monitor();
        assertThat(monitor.working(Optional.empty())).isEmpty();
        assertThat(monitor.reauthenticationRequired("x")).isPresent();
    }

    @Test
    void theMessageSaysWhoWhatWhenAndHowToReauthenticate() {
        MfaAlert warning = new MfaAlert(USER, MfaState.EXPIRING_SOON, Optional.of(START.plus(Duration.ofDays(5))),
                START, "");
        assertThat(warning.subject()).isEqualTo("camel-icloud: Two step authentication for " + USER
                + " expires on 2026-03-06 10:00 UTC");
        assertThat(warning.message(Optional.empty())).contains(USER).contains("2026-03-06 10:00 UTC")
                .contains("in 5 days").contains("camel-icloud --username " + USER + " --auth-only")
                .doesNotContain("web page");
        MfaAlert required = new MfaAlert(USER, MfaState.MFA_REQUIRED, Optional.of(START), START.plusSeconds(60),
                "Multi-factor authentication is required");
        assertThat(required.subject()).isEqualTo("camel-icloud: Two step authentication has expired for " + USER);
        assertThat(required.message(Optional.of("http://nas:8080/mfa"))).contains("expired on 2026-03-01 10:00 UTC")
                .contains("Multi-factor authentication is required").contains("--auth-only")
                .contains("web page http://nas:8080/mfa");
    }

    /** A clock the test moves; the monitor reads it on every observation. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
