package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import io.github.camelicloud.client.mfa.MfaState;
import io.github.camelicloud.simulator.ICloudSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component's MFA state in a plain Camel route against the simulator: the trust's expiry on every file,
 * and one alert exchange on {@code mfaAlertUri} per change of state, however many polls see it.
 */
class ICloudMfaAlertsTest {

    @TempDir
    Path cookies;

    @Test
    void trustExpiryIsAHeaderAndEachStateChangeIsOneAlertExchange() throws Exception {
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(9)
                .account("route@example.com:pw:mfa,trust-days=2").build().start();
                CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("codes", new SimulatorCode(apple.mfaCode()));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("icloud:photos?username=route@example.com&password=pw&domain=" + apple.baseUrl()
                            + "&cookieDirectory=" + cookies + "&mfaCodeProvider=#codes&recent=1&skipLivePhotos=true"
                            + "&initialDelay=0&delay=100&mfaAlertUri=direct:alerts&mfaExpiryWarningDays=3")
                            .routeId("photos").to("mock:files");
                    from("direct:alerts").to("mock:alerts");
                }
            });
            NotifyBuilder polls = new NotifyBuilder(camel).fromRoute("photos").whenDone(4).create();
            camel.start();
            assertThat(polls.matches(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            MockEndpoint alerts = camel.getEndpoint("mock:alerts", MockEndpoint.class);
            MockEndpoint files = camel.getEndpoint("mock:files", MockEndpoint.class);
            Instant expiry = files.getReceivedExchanges().get(0).getMessage()
                    .getHeader(ICloudConstants.TRUST_EXPIRES_AT, Instant.class);
            assertThat(expiry).isBetween(Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(3)));
            assertThat(alerts.getReceivedExchanges()).hasSize(1);
            Exchange alert = alerts.getReceivedExchanges().get(0);
            assertThat(alert.getMessage().getHeader(ICloudConstants.MFA_EVENT)).isEqualTo("mfa-expiring");
            assertThat(alert.getMessage().getHeader(ICloudConstants.MFA_STATE)).isEqualTo(MfaState.EXPIRING_SOON);
            assertThat(alert.getMessage().getHeader(ICloudConstants.USERNAME)).isEqualTo("route@example.com");
            assertThat(alert.getMessage().getHeader(ICloudConstants.TRUST_EXPIRES_AT)).isEqualTo(expiry);
            assertThat(alert.getMessage().getBody(String.class)).contains("--username route@example.com --auth-only");

            AtomicInteger failedPolls = new AtomicInteger();
            ((ICloudEndpoint) camel.getRoute("photos").getEndpoint()).addPassListener(new ICloudPassListener() {
                @Override
                public void passCompleted(io.github.camelicloud.component.PassResult result) {
                }

                @Override
                public void passFailed(Exception error) {
                    failedPolls.incrementAndGet();
                }
            });
            apple.advanceClock(Duration.ofDays(3)); // the trust is over; polls sign in without asking for a code
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (failedPolls.get() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(failedPolls.get()).isGreaterThanOrEqualTo(4);
            assertThat(alerts.getReceivedExchanges()).hasSize(2);
            assertThat(alerts.getReceivedExchanges().get(1).getMessage().getHeader(ICloudConstants.MFA_EVENT))
                    .isEqualTo("mfa-required");
        }
    }

    /** Types the simulator's code at the first sign-in, as a user would. */
    private record SimulatorCode(String code) implements MfaCodeProvider {
        @Override
        public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean wrong) {
            return Optional.of(new DeviceCode(code));
        }

        @Override
        public Optional<String> smsCode(TrustedPhone phone, boolean wrong) {
            return Optional.of(code);
        }

        @Override
        public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
            return devices.stream().findFirst();
        }

        @Override
        public Optional<String> twoStepCode(TwoStepDevice device, boolean wrong) {
            return Optional.of(code);
        }
    }
}
