package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code --auth-only} end to end against the simulator: MFA, trust reuse, and every account that must fail. */
class SimulatorAuthTest {

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.notReadyDuration(Duration.ofSeconds(2))
            .account("mfa@example.com:secret-1:mfa")
            .account("fo@example.com:secret-2:mfa")
            .account("fido@example.com:secret-3:fido")
            .account("adp@example.com:secret-4:adp")
            .account("locked@example.com:secret-5:locked")
            .account("slow@example.com:secret-6:mfa,not-ready")
            .account("old@example.com:secret-7:2sa")
            .account("plain@example.com:secret-8:nomfa")
            .account("fresh@example.com:secret-9:nomfa,not-ready"));

    @TempDir
    Path cookies;

    @Test
    void mfaAccountAsksForTheCodeOnceThenReusesTheTrustedSession() throws Exception {
        CliRun first = authOnly("mfa@example.com", "secret-1", apple.get().mfaCode() + "\n");
        assertThat(first.output()).contains("Two-factor authentication is required",
                "Please enter two-factor authentication code", "Authentication completed successfully",
                "Signed in as mfa@example.com", "MFA trust expires");
        assertThat(first.exitCode()).isZero();
        try (Stream<Path> files = Files.list(cookies)) {
            Path session = files.filter(f -> f.toString().endsWith(".camel-icloud.json")).findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session))).isEqualTo("rw-------");
            assertThat(Files.readString(session)).contains("trust_token");
        }

        CliRun second = authOnly("mfa@example.com", "secret-1", "");
        assertThat(second.output()).contains("Authentication completed successfully")
                .doesNotContain("Two-factor authentication is required", "Please enter");
        assertThat(second.exitCode()).isZero();
    }

    @Test
    void trustedSessionSurvivesAnExpiredWebSessionWithoutAnotherCode() {
        assertThat(authOnly("fo@example.com", "secret-2", apple.get().mfaCode() + "\n").exitCode()).isZero();
        apple.get().expireSessions();
        CliRun again = authOnly("fo@example.com", "secret-2", "");
        assertThat(again.output()).doesNotContain("Please enter");
        assertThat(again.exitCode()).isZero();
    }

    @Test
    void wrongCodeCanBeRetried() {
        CliRun run = authOnly("mfa@example.com", "secret-1", "000000\n" + apple.get().mfaCode() + "\n");
        assertThat(run.output()).contains("Incorrect verification code", "The code was not accepted",
                "Authentication completed successfully");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void threeWrongCodesEndTheSignInAndAFourthIsNeverAsked() {
        apple.get().resetRequestCounts();
        CliRun run = authOnly("mfa@example.com", "secret-1", "000000\n111111\n222222\n" + apple.get().mfaCode() + "\n");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Failed to verify two-factor authentication code")
                .doesNotContain("Authentication completed successfully");
        assertThat(apple.get().requestCounts().get("POST /appleauth/auth/verify/trusteddevice/securitycode"))
                .as("three tries, each sent to Apple").isEqualTo(3);
    }

    @Test
    void wrongPasswordFailsClearly() {
        CliRun run = authOnly("mfa@example.com", "not-the-password", "");
        assertThat(run.output()).contains("Invalid email/password combination");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void securityKeyAccountIsExplained() {
        CliRun run = authOnly("fido@example.com", "secret-3", apple.get().mfaCode() + "\n");
        assertThat(run.output()).contains("protected with security keys (FIDO)", "Security Keys");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void advancedDataProtectionSaysWhichSettingToChange() {
        CliRun run = authOnly("adp@example.com", "secret-4", apple.get().mfaCode() + "\n");
        assertThat(run.output()).contains("ACCESS_DENIED", "Access iCloud Data on the Web");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void lockedAccountPointsToIforgot() {
        CliRun run = authOnly("locked@example.com", "secret-5", "");
        assertThat(run.output()).contains("locked", "iforgot.apple.com");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void libraryNotReadyIsWaitedFor() {
        CliRun run = authOnly("slow@example.com", "secret-6", apple.get().mfaCode() + "\n", "--retry-delay", "1");
        assertThat(run.output()).contains("preparing the photo library", "Retrying in",
                "Authentication completed successfully");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void firstSyncWaitsForTheIndexToo() {
        // the CLI leaves the indexing check to the consumer's full pass (an incremental run skips it): a first run
        // still waits, and lists once the library is ready
        CliRun run = CliRun.of("", "--username", "fresh@example.com", "--password", "secret-9", "--cookie-directory",
                cookies.toString(), "--domain", apple.get().baseUrl(), "--directory",
                cookies.resolve("photos").toString(), "--retry-delay", "1", "--no-progress-bar", "--recent", "1");
        assertThat(run.output()).contains("preparing the photo library", "Retrying in", "Looking up all photos");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void legacyTwoStepAccount() {
        CliRun run = authOnly("old@example.com", "secret-7", "0\n" + apple.get().mfaCode() + "\n");
        assertThat(run.output()).contains("Two-step authentication is required", "Please choose an option",
                "Authentication completed successfully");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void accountWithoutMfaSignsInDirectly() {
        CliRun run = authOnly("plain@example.com", "secret-8", "");
        assertThat(run.output()).contains("Authentication completed successfully").doesNotContain("Please enter");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void missingPasswordWithoutTerminalIsAnActionableError() {
        CliRun run = CliRun.of("", "--username", "mfa@example.com", "--cookie-directory",
                cookies.resolve("empty").toString(), "--domain", apple.get().baseUrl(), "--auth-only");
        assertThat(run.output()).contains("A password is needed to sign in mfa@example.com", "--password");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    private CliRun authOnly(String user, String password, String stdin, String... extra) {
        String[] base = {"--username", user, "--password", password, "--cookie-directory", cookies.toString(),
            "--domain", apple.get().baseUrl(), "--auth-only"};
        return CliRun.of(stdin, Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }
}
