package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * For Camel users: {@code mfaCodeProvider=#bean} takes the verification code from a bean of the registry. A
 * route signs a simulator MFA account in with it and delivers the library to a folder.
 */
class ICloudMfaBeanTest extends CamelTestSupport {

    private static final String USER = "bean@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(3).seed(3)
            .account(USER + ":bean-pw:mfa"));
    private static final AtomicInteger asked = new AtomicInteger();

    @TempDir
    static Path work;

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("codesFromMyApp", new MfaCodeProvider() { // e.g. a code the application got from its user
            @Override
            public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean wrong) {
                asked.incrementAndGet();
                return wrong ? Optional.empty() : Optional.of(new DeviceCode(apple.get().mfaCode()));
            }

            @Override
            public Optional<String> smsCode(TrustedPhone phone, boolean wrong) {
                return Optional.empty();
            }

            @Override
            public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
                return Optional.empty();
            }

            @Override
            public Optional<String> twoStepCode(TwoStepDevice device, boolean wrong) {
                return Optional.empty();
            }
        });
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("icloud:photos?username=" + USER + "&password=RAW(bean-pw)&domain=" + apple.get().baseUrl()
                        + "&cookieDirectory=" + work.resolve("cookies") + "&mfaCodeProvider=#codesFromMyApp"
                        + "&initialDelay=0&delay=3600000&maxRetries=0")
                        .to("file:" + work.resolve("photos") + "?tempFileName=${file:onlyname}.part");
            }
        };
    }

    @Test
    void theBeanGivesTheCodeAndTheFilesArrive() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(3).create();
        assertThat(done.matches(2, TimeUnit.MINUTES)).as("three files routed").isTrue();
        assertThat(asked.get()).isEqualTo(1);
        try (Stream<Path> files = Files.walk(work.resolve("photos"))) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".part")).count())
                    .isGreaterThanOrEqualTo(3);
        }
    }
}
