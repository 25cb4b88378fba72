package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java -jar target/camel-icloud.jar --domain com|cn} as a user runs it, against the simulator's Apple-host
 * mode on loopback; only the test-only JVM properties (see {@link AppleHostDomainsTest}) send Apple's names there.
 */
class AppleHostDomainsIT {

    private static final String USER = "jar-hosts@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.appleHosts(true).assets(5).seed(22)
            .videoSize(20_000).account(USER + ":pw:nomfa"));

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"com", "cn"})
    void theJarDownloadsTheLibraryThroughTheDomainsHosts(String domain) throws Exception {
        Path ca = Files.writeString(work.resolve("ca.pem"), apple.get().caPem().orElseThrow());
        Path photos = work.resolve("photos");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-D" + AppleHostDomainsTest.PORT + "=" + apple.get().port(),
                "-D" + AppleHostDomainsTest.CA + "=" + ca, "-jar",
                System.getProperty("project.jar", "target/camel-icloud.jar"), "--username", USER, "--password", "pw",
                "--domain", domain, "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString()));
        Path log = work.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the jar finished in 2 minutes").isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("All photos and videos have been downloaded");
        long expected = apple.get().manifest(USER).assets().stream()
                .filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted()).count();
        try (Stream<Path> files = Files.walk(photos)) {
            assertThat(files.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(expected);
        }
        assertThat(apple.get().requestCounts()).containsKey("POST /appleauth/auth/signin/init");
    }
}
