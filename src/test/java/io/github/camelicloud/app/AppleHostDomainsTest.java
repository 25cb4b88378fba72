package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address mode users run: {@code --domain com} and {@code --domain cn}, Apple's host names over HTTPS, served
 * by the simulator's Apple-host mode on loopback. The test-only properties of {@code LoopbackAppleHosts} send the
 * names to the simulator's port and trust its CA only; the client and the CLI are otherwise exactly as shipped.
 */
class AppleHostDomainsTest {

    static final String PORT = "camelicloud.test.apple-hosts.port";
    static final String CA = "camelicloud.test.apple-hosts.ca";
    private static final String USER = "hosts@example.com";

    @RegisterExtension
    final SimulatorExtension apple = SimulatorExtension.of(b -> b.appleHosts(true).assets(8).seed(21)
            .videoSize(50_000).account(USER + ":pw:nomfa"));

    @TempDir
    Path work;

    @BeforeEach
    void routeApplesHostsToTheSimulator() throws Exception {
        Path ca = Files.writeString(work.resolve("simulator-ca.pem"), apple.get().caPem().orElseThrow());
        System.setProperty(PORT, Integer.toString(apple.get().port()));
        System.setProperty(CA, ca.toString());
    }

    @AfterEach
    void clearTheTestMode() {
        System.clearProperty(PORT);
        System.clearProperty(CA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com", "cn"})
    void theClientSignsInAndListsThroughTheDomainsHosts(String domain) throws Exception {
        Path cookies = work.resolve("client-cookies");
        ICloudClient client = ICloudClient.builder().username(USER).password(() -> Optional.of("pw")).domain(domain)
                .cookieDirectory(cookies).build();
        assertThat(client.signIn().username()).isEqualTo(USER);
        assertThat(client.photos().library("PrimarySync").all().count()).isEqualTo(visibleAssets());
        assertCookiesOf(domain, cookies);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com", "cn"})
    void theCliDownloadsTheLibraryThroughTheDomainsHosts(String domain) throws Exception {
        Path photos = work.resolve("photos");
        Path cookies = work.resolve("cli-cookies");
        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", domain,
                "--cookie-directory", cookies.toString(), "-d", photos.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("All photos and videos have been downloaded");
        assertThat(ManifestFiles.actualSha256(photos)).containsExactlyInAnyOrderElementsOf(expectedFiles());
        assertCookiesOf(domain, cookies);
    }

    /** The session kept cookies of the domain's own hosts: the requests went to them. */
    private static void assertCookiesOf(String domain, Path cookies) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(cookies)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f));
            }
        }
        if (domain.equals("cn")) {
            assertThat(all).contains("icloud.com.cn");
        } else {
            assertThat(all).contains("icloud.com").doesNotContain("icloud.com.cn");
        }
    }

    private long visibleAssets() {
        return apple.get().manifest(USER).assets().stream()
                .filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted()).count();
    }

    private List<String> expectedFiles() {
        return ManifestFiles.expectedSha256(apple.get().manifest(USER));
    }
}
