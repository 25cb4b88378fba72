package io.github.camelicloud.app.webui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The web page's rules that need no server: names, the login's hash, the attempt limit, the settings' checks. */
class WebUiSecurityTest {

    @Test
    void onLoopbackOnlyLoopbackNamesAndTheGivenOnesAreAnswered() {
        Set<String> names = HostNames.forWebPage("127.0.0.1", List.of("Photos.Example"));
        assertThat(List.of("127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "[0:0:0:0:0:0:0:1]:80",
                "photos.example:443")).allMatch(h -> HostNames.allows(names, h));
        assertThat(new String[] {"evil.example:8080", "127.0.0.1.evil.example", "", null, "[evil]:80",
                "local host"}).noneMatch(h -> HostNames.allows(names, h));
    }

    @Test
    void onEveryAddressTheMachinesNamesCountButNoOtherSitesName() {
        Set<String> names = HostNames.forWebPage("0.0.0.0", List.of("nas.local"));
        assertThat(HostNames.allows(names, "nas.local:8080")).isTrue();
        assertThat(HostNames.allows(names, "127.0.0.1:8080")).isTrue();
        assertThat(HostNames.allows(names, "evil.example:8080")).isFalse();
        assertThat(names).doesNotContain("0.0.0.0");
        assertThat(HostNames.allows(HostNames.forWebPage("192.0.2.7", List.of()), "192.0.2.7:8080")).isTrue();
        assertThat(HostNames.allows(HostNames.forWebPage("192.0.2.7", List.of()), "localhost:8080")).isFalse();
    }

    @Test
    void theLoginIsKeptAsASaltedHashThatOnlyTheRightPasswordMatches() {
        PasswordHash hash = PasswordHash.of("a long page password");
        assertThat(hash.matches("a long page password")).isTrue();
        assertThat(hash.matches("a long page passwort")).isFalse();
    }

    @Test
    void aClientIsLimitedForTheWindowThenMayTryAgain() {
        MutableClock clock = new MutableClock();
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.secondsToWait("10.0.0.9")).isZero();
            limiter.record("10.0.0.9");
        }
        assertThat(limiter.secondsToWait("10.0.0.9")).isBetween(1L, 15 * 60L + 1);
        assertThat(limiter.secondsToWait("10.0.0.10")).as("another client").isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        assertThat(limiter.secondsToWait("10.0.0.9")).isZero();
    }

    @Test
    void offLoopbackWithoutALoginOrWithAShortOneIsRefused() {
        assertThatThrownBy(() -> WebUiSettings.of("0.0.0.0", 8080, List.of(), Optional.empty(), Optional.empty(),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--webui-password-file");
        assertThatThrownBy(() -> WebUiSettings.of("127.0.0.1", 8080, List.of(), Optional.of("short"),
                Optional.empty(), List.of())).hasMessageContaining("at least 8");
        assertThat(WebUiSettings.of("127.0.0.1", 8080, List.of(), Optional.empty(), Optional.empty(), List.of())
                .login()).isEmpty();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
