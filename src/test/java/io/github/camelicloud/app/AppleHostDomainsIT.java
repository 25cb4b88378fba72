package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
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
        JarProcess.Result run = JarProcess.jar(work, "--username", USER, "--password", "pw", "--domain", domain,
                "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString())
                .jvm("-D" + AppleHostDomainsTest.PORT + "=" + apple.get().port())
                .jvm("-D" + AppleHostDomainsTest.CA + "=" + ca).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("All photos and videos have been downloaded");
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
        assertThat(apple.get().requestCounts()).containsKey("POST /appleauth/auth/signin/init");
    }
}
