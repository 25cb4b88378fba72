package io.github.camelicloud.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import io.github.camelicloud.client.http.Endpoints;
import io.github.camelicloud.client.http.ICloudHttp;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The client against the simulator: SMS codes, throttling, expired sessions and expired trust. */
class ICloudClientTest {

    private static final String USER = "me@example.com";
    private static final String PASSWORD = "pa55word";

    @TempDir
    Path cookies;

    @RegisterExtension
    final SimulatorExtension apple = SimulatorExtension.of(b -> b.trustDays(30)
            .account(USER + ":" + PASSWORD + ":mfa"));

    @Test
    void smsCodeToAChosenTrustedPhone() {
        ScriptedMfa mfa = new ScriptedMfa(true);
        AccountSession session = client(mfa).signIn();
        assertThat(mfa.phonesOffered).isNotEmpty();
        assertThat(mfa.smsAsked).isTrue();
        assertThat(session.trustExpiresAt()).isPresent();
    }

    /** Apple's Retry-After (2 s) wins over the policy's own back-off (50 ms): our log line says which pause is taken. */
    @Test
    void throttledSignInIsRetriedHonouringRetryAfter() {
        apple.get().injectFault(Fault.of("POST", "/appleauth/auth/signin/init", 503).times(1)
                .retryAfter(Duration.ofSeconds(2)));
        apple.get().resetRequestCounts();
        Logger http = (Logger) LoggerFactory.getLogger(ICloudHttp.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        http.addAppender(logged);
        try {
            client(new ScriptedMfa(false)).signIn();
        } finally {
            http.detachAppender(logged);
        }
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("(HTTP 503); retrying in 2 s (attempt 2/3)"));
        assertThat(apple.get().requestCounts().get("POST /appleauth/auth/signin/init")).isEqualTo(2);
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsReportedAsSuch() {
        apple.get().injectFault(Fault.of("POST", "/appleauth/auth/signin/init", 429).times(10));
        ICloudClient client = builder(new ScriptedMfa(false))
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10))).build();
        assertThatThrownBy(client::signIn).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("temporarily refusing").matches(e -> ((ICloudException) e).retryable());
    }

    @Test
    void anExpiredSessionMidRunIsRenewedSilentlyWithTheStoredTrust() {
        ICloudClient client = client(new ScriptedMfa(false));
        client.signIn();
        apple.get().expireSessions();
        assertThat(client.photos().library("PrimarySync").name()).isEqualTo("PrimarySync");
    }

    @Test
    void anExpiredTrustMakesTheSilentRenewalAskForMfa() {
        ICloudClient client = client(new ScriptedMfa(false));
        AccountSession first = client.signIn();
        assertThat(first.trustExpiresAt().orElseThrow())
                .isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(31)));
        apple.get().advanceClock(Duration.ofDays(31));
        apple.get().expireSessions();
        assertThatThrownBy(() -> client.privateDatabase().checkIndexingState("PrimarySync"))
                .isInstanceOf(MfaRequiredException.class).hasMessageContaining("--auth-only");
    }

    @Test
    void aStoredTrustedSessionNeedsNoPasswordNextTime() {
        client(new ScriptedMfa(false)).signIn();
        ICloudClient next = ICloudClient.builder().username(USER).domain(apple.get().baseUrl()).cookieDirectory(cookies)
                .build(); // no password, no MFA provider
        assertThat(next.signIn().username()).isEqualTo(USER);
    }

    @Test
    void domainsMapToApplesHostsOrABaseUrl() {
        assertThat(Endpoints.forDomain("cn").setup()).isEqualTo("https://setup.icloud.com.cn/setup/ws/1");
        assertThat(Endpoints.forDomain("com").auth()).isEqualTo("https://idmsa.apple.com/appleauth/auth");
        assertThat(Endpoints.forDomain("http://127.0.0.1:8080/").auth())
                .isEqualTo("http://127.0.0.1:8080/appleauth/auth");
        assertThatThrownBy(() -> Endpoints.forDomain("icloud.de")).hasMessageContaining("Invalid --domain 'icloud.de'")
                .hasMessageContaining("com");
    }

    private ICloudClient client(MfaCodeProvider mfa) {
        return builder(mfa).build();
    }

    private ICloudClient.Builder builder(MfaCodeProvider mfa) {
        return ICloudClient.builder().username(USER).password(() -> Optional.of(PASSWORD)).domain(apple.get().baseUrl())
                .cookieDirectory(cookies).mfaCodeProvider(mfa)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5)));
    }

    /** Answers with the simulator's code, by device or (when asked to) through the first SMS phone. */
    private final class ScriptedMfa implements MfaCodeProvider {
        private final boolean viaSms;
        final List<TrustedPhone> phonesOffered = new ArrayList<>();
        boolean smsAsked;

        ScriptedMfa(boolean viaSms) {
            this.viaSms = viaSms;
        }

        @Override
        public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean wrong) {
            phonesOffered.addAll(phones);
            return Optional.of(viaSms ? new SendSms(phones.get(0)) : new DeviceCode(apple.get().mfaCode()));
        }

        @Override
        public Optional<String> smsCode(TrustedPhone phone, boolean wrong) {
            smsAsked = true;
            return Optional.of(apple.get().mfaCode());
        }

        @Override
        public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
            return Optional.of(devices.get(0));
        }

        @Override
        public Optional<String> twoStepCode(TwoStepDevice device, boolean wrong) {
            return Optional.of(apple.get().mfaCode());
        }
    }
}
