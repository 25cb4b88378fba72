package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --password-provider env}: the jar signs in with {@code ICLOUD_PASSWORD} from its environment. */
class EnvPasswordIT {

    private static final String USER = "env@example.com";
    private static final String PASSWORD = "env-Secret-9";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(1).account(USER + ":" + PASSWORD
            + ":nomfa"));

    @TempDir
    Path work;

    @Test
    void thePasswordComesFromTheEnvironment() throws Exception {
        Result right = authOnly("env", PASSWORD);
        assertThat(right.exitCode).as(right.output).isZero();
        assertThat(right.output).contains("Authentication completed successfully");
        Result wrong = authOnly("env", "not-the-password");
        assertThat(wrong.exitCode).isEqualTo(1);
        assertThat(wrong.output).contains("Invalid email/password combination").doesNotContain("not-the-password");
    }

    private record Result(int exitCode, String output) {
    }

    private Result authOnly(String provider, String environmentPassword) throws Exception {
        Path log = Files.createTempFile(work, "out-" + provider, ".txt");
        Path cookies = Files.createTempDirectory(work, "cookies-" + provider); // no session from an earlier call
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("project.jar", "target/camel-icloud.jar"), "--username", USER,
                "--domain", apple.get().baseUrl(), "--cookie-directory", cookies.toString(),
                "--password-provider", provider, "--auth-only")).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ICLOUD_PASSWORD", environmentPassword);
        Process p = builder.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the jar finished").isTrue();
        return new Result(p.exitValue(), Files.readString(log));
    }
}
