package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.FreePort;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * MFA-expiry alerts end to end: the simulator's trust runs out, a real SMTP server (GreenMail) receives the
 * mails, a real shell script receives the events, and the watch goes on until the user signs in again.
 */
class MfaAlertsTest {

    private static final String SMTP_USER = "robot@mail.test";
    private static final String SMTP_PASSWORD = "smtp-Secret-42";
    private static final String RECIPIENT = "me@mail.test";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD));

    @TempDir
    Path work;

    private final List<ILoggingEvent> logs = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            logs.add(event);
        }
    };
    private Logger root;
    private Level level;

    @BeforeEach
    void captureLogs() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level = root.getLevel();
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(appender);
        root.setLevel(level);
    }

    @Test
    void watchWarnsThenReportsMfaRequiredOnceEachAndResumesAfterAuthOnly() throws Exception {
        String user = "watch@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(4).seed(3)
                .account(user + ":pw:mfa,trust-days=3").build().start()) {
            Path cookies = work.resolve("cookies");
            assertThat(authOnly(apple, user, cookies).exitCode()).isZero();
            Instant expiry = trustExpiry(apple);
            Path events = work.resolve("events.txt");
            Path script = script(events);

            ByteArrayOutputStream console = new ByteArrayOutputStream();
            Thread watch = new Thread(() -> Main.run(new String[] {"--username", user, "--password", "pw",
                "--domain", apple.baseUrl(), "--cookie-directory", cookies.toString(),
                "--directory", work.resolve("photos").toString(), "--recent", "1", "--watch-with-interval", "1",
                "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()),
                "--smtp-no-tls", "--smtp-username", SMTP_USER, "--smtp-password", SMTP_PASSWORD,
                "--notification-email", RECIPIENT, "--notification-script", script.toString(),
                "--mfa-expiry-warning-days", "5"}, new BufferedReader(new StringReader("")),
                    new PrintStream(console, true, StandardCharsets.UTF_8), false), "watch");
            watch.start();
            try {
                await("the warning mail", () -> smtp.getReceivedMessages().length >= 1);
                int passes = count("Waiting for 1 sec");
                await("three more passes", () -> count("Waiting for 1 sec") >= passes + 3);
                assertThat(smtp.getReceivedMessages()).hasSize(1);
                MimeMessage warning = smtp.getReceivedMessages()[0];
                assertThat(warning.getAllRecipients()).extracting(Object::toString).containsExactly(RECIPIENT);
                assertThat(warning.getFrom()).extracting(Object::toString)
                        .containsExactly("camel-icloud <" + SMTP_USER + ">");
                assertThat(warning.getSubject()).isEqualTo("camel-icloud: Two step authentication for " + user
                        + " expires on " + shown(expiry));
                assertThat(GreenMailUtil.getBody(warning)).contains(user).contains(shown(expiry))
                        .contains("camel-icloud --username " + user + " --auth-only");

                apple.advanceClock(Duration.ofDays(4)); // past the trust: Apple wants a code again
                await("the MFA-required mail", () -> smtp.getReceivedMessages().length >= 2);
                int failed = count("Multi-factor authentication is required");
                await("three more failed polls", () -> count("Multi-factor authentication is required") >= failed + 3);
                assertThat(watch.isAlive()).as("an expired trust does not end the watch").isTrue();
                assertThat(smtp.getReceivedMessages()).hasSize(2);
                MimeMessage required = smtp.getReceivedMessages()[1];
                assertThat(required.getSubject()).isEqualTo("camel-icloud: Two step authentication has expired for "
                        + user);
                assertThat(GreenMailUtil.getBody(required)).contains("expired on " + shown(expiry))
                        .contains("camel-icloud --username " + user + " --auth-only");

                assertThat(Files.readAllLines(events)).containsExactly(
                        "mfa-expiring|" + user + "|" + expiry + "|camel-icloud: Two step authentication for " + user
                                + " expires on " + shown(expiry),
                        "mfa-required|" + user + "|" + expiry + "|camel-icloud: Two step authentication has expired"
                                + " for " + user);
                assertThat(Files.readString(Path.of(events + ".env"))).as("the script's environment")
                        .contains("ICLOUD_EVENT=mfa-required").doesNotContain(SMTP_PASSWORD);

                // the user signs in again, as the mail says; the running watch takes the new session up
                assertThat(authOnly(apple, user, cookies).exitCode()).isZero();
                int completed = count("Waiting for 1 sec");
                await("a pass after --auth-only", () -> count("Waiting for 1 sec") > completed);
                assertThat(count("Using the session stored by another sign-in")).isPositive();
                assertThat(smtp.getReceivedMessages()).as("the renewed trust alerts nobody").hasSize(2);
            } finally {
                watch.interrupt();
                watch.join(30_000);
            }
            assertThat(logs).noneMatch(e -> e.getFormattedMessage().contains(SMTP_PASSWORD));
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(SMTP_PASSWORD);
        }
    }

    @Test
    void aMailServerThatIsDownOrRefusesTheLoginDoesNotStopTheSync() throws Exception {
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(4).seed(4)
                .account("down@example.com:pw:mfa,trust-days=2").account("refused@example.com:pw:mfa,trust-days=2")
                .build().start()) {
            int closedPort = FreePort.pick();
            CliRun down = syncOnce(apple, "down@example.com", closedPort, SMTP_PASSWORD);
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(files(work.resolve("photos-down@example.com"))).isNotEmpty();
            assertThat(lines(down.output(), "Could not mail the mfa-expiring alert")).singleElement().asString()
                    .contains("to " + SMTP_USER + " via smtp://127.0.0.1:" + closedPort).contains("--smtp-host");

            CliRun refused = syncOnce(apple, "refused@example.com", smtp.getSmtp().getPort(), "wrong-" + SMTP_PASSWORD,
                    "--log-level", "trace"); // nothing logs the SMTP password, not even at trace
            assertThat(refused.exitCode()).as(refused.output()).isZero();
            assertThat(files(work.resolve("photos-refused@example.com"))).isNotEmpty();
            assertThat(lines(refused.output(), "Could not mail the mfa-expiring alert")).singleElement().asString()
                    .contains("via smtp://127.0.0.1:" + smtp.getSmtp().getPort()).contains("--smtp-password");
            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(refused.output() + refused.errors()).doesNotContain(SMTP_PASSWORD);
            assertThat(logs).anyMatch(e -> e.getLevel() == Level.TRACE);
            assertThat(logs).noneMatch(e -> e.getFormattedMessage().contains(SMTP_PASSWORD)
                    || e.getThrowableProxy() != null && ThrowableProxyUtil.asString(e.getThrowableProxy())
                            .contains(SMTP_PASSWORD));
        }
    }

    @Test
    void runOnceMailsMfaRequiredOnceAcrossRunsAndFails() throws Exception {
        String user = "cron@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(8)
                .account(user + ":pw:mfa,trust-days=30").build().start()) {
            Path cookies = work.resolve("cookies-cron");
            assertThat(authOnly(apple, user, cookies).exitCode()).isZero();
            apple.advanceClock(Duration.ofDays(31));
            for (int run = 1; run <= 2; run++) { // e.g. an hourly cron job: the second run must not mail again
                CliRun cron = CliRun.of("", "--username", user, "--password", "pw", "--domain", apple.baseUrl(),
                        "--cookie-directory", cookies.toString(), "--directory", work.resolve("photos-cron").toString(),
                        "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()),
                        "--smtp-no-tls", "--smtp-username", SMTP_USER, "--smtp-password", SMTP_PASSWORD);
                assertThat(cron.exitCode()).isEqualTo(1);
                assertThat(cron.output()).contains("Multi-factor authentication is required for " + user);
                assertThat(smtp.getReceivedMessages()).hasSize(1);
            }
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("camel-icloud: Two step authentication has expired for " + user);
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(SMTP_USER);
            assertThat(Files.readString(cookies.resolve("cronexamplecom.camel-icloud.mfa-state.json")))
                    .contains("MFA_REQUIRED");
        }
    }

    @Test
    void aFailingNotificationScriptIsLoggedAndTheSyncGoesOn() throws Exception {
        String user = "script@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(7)
                .account(user + ":pw:mfa,trust-days=1").build().start()) {
            Path cookies = work.resolve("cookies-script");
            assertThat(authOnly(apple, user, cookies).exitCode()).isZero();
            Path script = work.resolve("fails.sh");
            Files.writeString(script, "#!/bin/sh\necho \"cannot reach the pager\"\nexit 3\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            CliRun run = CliRun.of("", "--username", user, "--password", "pw", "--domain", apple.baseUrl(),
                    "--cookie-directory", cookies.toString(), "--directory", work.resolve("photos-script").toString(),
                    "--recent", "1", "--notification-script", script.toString());
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(files(work.resolve("photos-script"))).isNotEmpty();
            assertThat(run.output()).contains("fails.sh: cannot reach the pager")
                    .contains("The notification script " + script + " failed with exit code 3 for the mfa-expiring"
                            + " alert");
        }
    }

    @Test
    void theBundledRoutesMailTheAlertWhenRunAsACamelApplication() throws Exception {
        String user = "main@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(6)
                .account(user + ":pw:mfa,trust-days=2").build().start()) {
            Path cookies = work.resolve("cookies-main");
            assertThat(authOnly(apple, user, cookies).exitCode()).isZero();
            org.apache.camel.main.Main main = new org.apache.camel.main.Main();
            main.setDefaultPropertyPlaceholderLocation("file:application.properties");
            main.addOverrideProperty("icloud.username", user);
            main.addOverrideProperty("icloud.password", "pw");
            main.addOverrideProperty("icloud.domain", apple.baseUrl());
            main.addOverrideProperty("icloud.cookie-directory", cookies.toString());
            main.addOverrideProperty("icloud.recent", "1");
            main.addOverrideProperty("file.directory", work.resolve("photos-main").toString());
            main.addOverrideProperty("icloud.mfa-alert-uri", "direct:icloud-mfa-alert-mail");
            main.addOverrideProperty("smtp.host", "127.0.0.1");
            main.addOverrideProperty("smtp.port", String.valueOf(smtp.getSmtp().getPort()));
            main.addOverrideProperty("smtp.starttls", "false");
            main.addOverrideProperty("smtp.username", SMTP_USER);
            main.addOverrideProperty("camel.component.smtp.password", SMTP_PASSWORD);
            main.start();
            try {
                await("the warning mail", () -> smtp.getReceivedMessages().length >= 1);
            } finally {
                main.stop();
            }
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(SMTP_USER);
            assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("camel-icloud <" + SMTP_USER + ">");
            assertThat(mail.getSubject()).startsWith("camel-icloud: Two step authentication for " + user + " expires");
            assertThat(GreenMailUtil.getBody(mail)).contains("--username " + user + " --auth-only");
            assertThat(logs).noneMatch(e -> e.getFormattedMessage().contains(SMTP_PASSWORD));
        }
    }

    @Test
    void badAlertSettingsSayWhatToFix() {
        CliRun port = CliRun.of("", "--username", "u@example.com", "--directory", work.toString(), "--smtp-port", "0");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.errors()).contains("--smtp-port must be from 1 to 65535, got 0");
        CliRun script = CliRun.of("", "--username", "u@example.com", "--directory", work.toString(),
                "--notification-script", work.resolve("missing.sh").toString());
        assertThat(script.exitCode()).isEqualTo(2);
        assertThat(script.errors()).contains("is not an executable file");
        CliRun days = CliRun.of("", "--username", "u@example.com", "--directory", work.toString(),
                "--mfa-expiry-warning-days", "-1");
        assertThat(days.exitCode()).isEqualTo(2);
        assertThat(days.errors()).contains("--mfa-expiry-warning-days must be 0 or more");
    }

    private CliRun syncOnce(ICloudSimulator apple, String user, int smtpPort, String smtpPassword, String... more) {
        Path cookies = work.resolve("cookies-" + user);
        assertThat(authOnly(apple, user, cookies).exitCode()).isZero();
        List<String> args = new ArrayList<>(List.of("--username", user, "--password", "pw", "--domain", apple.baseUrl(),
                "--cookie-directory", cookies.toString(), "--directory", work.resolve("photos-" + user).toString(),
                "--recent", "2", "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtpPort), "--smtp-no-tls",
                "--smtp-username", SMTP_USER, "--smtp-password", smtpPassword));
        args.addAll(List.of(more));
        return CliRun.of("", args.toArray(String[]::new));
    }

    private static CliRun authOnly(ICloudSimulator apple, String user, Path cookies) {
        return CliRun.of(apple.mfaCode() + "\n", "--username", user, "--password", "pw", "--domain", apple.baseUrl(),
                "--cookie-directory", cookies.toString(), "--auth-only");
    }

    /** The trust the simulator granted, to the second (as the trust cookie carries it). */
    private static Instant trustExpiry(ICloudSimulator apple) throws Exception {
        String text = new ObjectMapper().readTree(apple.stateJson()).path("accounts").path(0).path("trustExpiresAt")
                .asText();
        return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String shown(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT).withZone(ZoneId.systemDefault())
                .format(instant);
    }

    /** A notification script that appends what it was told to {@code out}. */
    private Path script(Path out) throws Exception {
        Path script = work.resolve("notify.sh");
        // the whole environment the script gets goes to out.env: no secret may be in it
        Files.writeString(script, "#!/bin/sh\nprintf '%s|%s|%s|%s\\n' \"$ICLOUD_EVENT\" \"$ICLOUD_USERNAME\""
                + " \"$ICLOUD_TRUST_EXPIRES_AT\" \"$ICLOUD_MESSAGE\" >> '" + out + "'\nenv >> '" + out + ".env'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private int count(String text) {
        return (int) logs.stream().filter(e -> e.getFormattedMessage().contains(text)).count();
    }

    private static List<String> lines(String output, String text) {
        return output.lines().filter(l -> l.contains(text)).toList();
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        }
    }

    /** Waits for a condition the system under test brings about; the deadline only stops a broken run. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
