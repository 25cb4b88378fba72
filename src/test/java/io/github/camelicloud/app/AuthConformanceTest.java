package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.InvalidCredentialsException;
import io.github.camelicloud.testing.CassetteReplayServer;
import io.github.camelicloud.testing.Cassettes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authentication rows of CONFORMANCE.md (S-001…S-011, S-104…S-109) replayed from Apple's recorded
 * answers through our real client and CLI: same success or failure, same meaning of the messages.
 */
class AuthConformanceTest {

    private static final String USER = "jdoe@gmail.com";
    private static final String PASSWORD = "password1";

    @TempDir
    Path cookies;

    @Test
    void s001FailedAuthReportsInvalidCredentials() {
        try (CassetteReplayServer apple = replay("failed_auth")) {
            ICloudClient client = ICloudClient.builder().username("bad_username").domain(apple.baseUrl())
                    .password(() -> Optional.of("dummy")).cookieDirectory(cookies).build();
            assertThatThrownBy(client::signIn).isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageContaining("Invalid email/password combination.");
        }
    }

    @Test
    void s003StoredSessionIsValidatedWithoutSrp() throws IOException {
        Cassettes.copyIcloudpdCookies(cookies);
        try (CassetteReplayServer apple = replay("successful_auth")
                .mayAskUnrecorded("POST", "/private/records/query")) { // waits until the library is indexed
            CliRun run = authOnly(apple, "");
            assertThat(run.output()).contains("Authentication completed successfully");
            assertThat(run.exitCode()).isZero();
            assertThat(apple.playCount("POST", "/setup/ws/1/validate")).isEqualTo(1);
            assertThat(apple.requests()).noneMatch(r -> r.path().contains("signin"));
        }
    }

    @Test
    void s004TwoStepFlowWithDeviceChoiceAndCode() {
        try (CassetteReplayServer apple = replay("2sa_flow_valid_code")
                .mayAskUnrecorded("POST", "/private/records/query")) { // waits until the library is indexed
            CliRun run = authOnly(apple, "0\n654321\n");
            assertThat(run.output()).contains("Authenticating", "Two-step authentication is required",
                    "  0: SMS to *******03", "Please choose an option: [0]: 0",
                    "Please enter two-step authentication code: 654321",
                    "Great, you're all set up. The script can now be run without user interaction until 2SA expires.");
            assertThat(run.exitCode()).isZero();
            assertThat(apple.playCount("POST", "/validateVerificationCode")).isEqualTo(1);
            assertThat(apple.playCount("POST", "/accountLogin")).isEqualTo(2);
        }
    }

    @Test
    void s005TwoFactorFlowShowsTrustedPhonesAndTrustsTheSession() throws IOException {
        try (CassetteReplayServer apple = replay("2fa_flow_valid_code")
                .mayAskUnrecorded("PUT", "/verify/trusteddevice/securitycode") // 2026: asks Apple to push the code
                .mayAskUnrecorded("POST", "/private/records/query")) { // waits until the library is indexed
            CliRun run = authOnly(apple, "654321\n");
            assertThat(run.output()).contains("Authenticating", "Two-factor authentication is required",
                    "  a: (***) ***-**81",
                    "Please enter two-factor authentication code or device index (a) to send SMS with a code: 654321",
                    "Great, you're all set up. The script can now be run without user interaction until 2FA expires.")
                    .doesNotContain("Failed to parse response with JSON mimetype");
            assertThat(run.exitCode()).isZero();
            assertThat(apple.playCount("POST", "/verify/trusteddevice/securitycode")).isEqualTo(1);
            assertThat(apple.playCount("GET", "/2sv/trust")).isEqualTo(1);
            assertThat(storedSession()).contains("\"trust_token\"");
        }
    }

    @Test
    void s006NonTwoFactorAccountRepairsAfter412() {
        try (CassetteReplayServer apple = replay("auth_non_2fa")) {
            ICloudClient client = ICloudClient.builder().username(USER).domain(apple.baseUrl())
                    .password(() -> Optional.of("dummy")).cookieDirectory(cookies).build();
            client.signIn();
            assertThat(apple.unplayed()).isEmpty();
            assertThat(apple.playCount("POST", "/repair/complete")).isEqualTo(1);
        }
    }

    @Test
    void s007ThrottledSignInEndsWithTheRefusalMessage() {
        try (CassetteReplayServer apple = replay("failed_auth_503")) {
            CliRun run = authOnly(apple, "", "--max-retries", "1", "--retry-delay", "0");
            assertThat(run.output()).contains("Apple iCloud is temporarily refusing to serve")
                    .doesNotContain("falling back to old raw password");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(apple.playCount("POST", "/signin/init")).isEqualTo(2);
        }
    }

    @Test
    void s009ConnectionErrorSaysCannotConnect() {
        CliRun run = CliRun.of("", "--username", USER, "--password", PASSWORD, "--no-progress-bar",
                "--cookie-directory", cookies.toString(), "--domain", "http://127.0.0.1:9", "--auth-only");
        assertThat(run.output()).contains("Authenticating", "Cannot connect to Apple iCloud service");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void s108WrongTwoFactorCodeFails() {
        try (CassetteReplayServer apple = replay("2fa_flow_invalid_code")
                .mayAskUnrecorded("PUT", "/verify/trusteddevice/securitycode")) { // 2026: asks Apple to push the code
            CliRun run = authOnly(apple, "901431\n");
            assertThat(run.output()).contains("Failed to verify two-factor authentication code");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void s105WrongTwoStepCodeFails() {
        try (CassetteReplayServer apple = replay("2sa_flow_invalid_code")) {
            CliRun run = authOnly(apple, "0\n901431\n");
            assertThat(run.output()).contains("Please enter two-step authentication code: 901431",
                    "Failed to verify two-step authentication code");
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void requiresTwoFactorWithoutAnyCodeSaysMfaIsRequired() {
        try (CassetteReplayServer apple = replay("auth_requires_2fa")
                .mayAskUnrecorded("GET", "/appleauth/auth") // 2026: the phones are read from the HSA2 page
                .mayAskUnrecorded("PUT", "/verify/trusteddevice/securitycode")) { // 2026: asks Apple to push the code
            CliRun run = authOnly(apple, "");
            assertThat(run.output()).contains("Two-factor authentication is required",
                    "Multi-factor authentication is required for " + USER);
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }

    private CliRun authOnly(CassetteReplayServer apple, String stdin, String... extra) {
        String[] base = {"--username", USER, "--password", PASSWORD, "--no-progress-bar", "--cookie-directory",
            cookies.toString(), "--domain", apple.baseUrl(), "--auth-only"};
        return CliRun.of(stdin, Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }


    private String storedSession() throws IOException {
        return Files.readString(cookies.resolve("jdoegmailcom.camel-icloud.json"));
    }

    /** Apple's recorded answers; a password sign-in also reads the web app's page, which they lack. */
    private static CassetteReplayServer replay(String cassette) {
        return CassetteReplayServer.start(Cassettes.require(cassette)).mayReadTheWebAppPage();
    }
}
