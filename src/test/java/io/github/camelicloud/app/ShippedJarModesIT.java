package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.ManifestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modes that broke only in the shipped jar (issue 12, seen 1-3), run as a user runs them: {@code java -jar
 * target/camel-icloud.jar} in a separate process against the simulator, checking files and mails.
 */
class ShippedJarModesIT {

    private static final String SMTP_USER = "robot@mail.test";
    private static final String SMTP_PASSWORD = "smtp-Secret-42";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD));

    @TempDir
    Path work;

    /** Seen 1: the Camel application mode (application.properties + routes/ in the working folder) starts. */
    @Test
    void camelApplicationModeFillsTheFolder() throws Exception {
        String user = "app@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(5).seed(2)
                .account(user + ":pw:nomfa").build().start()) {
            Path app = Files.createDirectories(work.resolve("app"));
            Files.copy(Path.of("application.properties"), app.resolve("application.properties"));
            Files.createDirectories(app.resolve("routes"));
            try (var routes = Files.list(Path.of("routes"))) {
                for (Path r : routes.toList()) {
                    Files.copy(r, app.resolve("routes").resolve(r.getFileName()));
                }
            }
            Path photos = app.resolve("photos");
            List<String> expected = ManifestFiles.expectedSha256(apple.manifest(user));
            Process p = start(app, Map.of("ICLOUD_USERNAME", user, "ICLOUD_PASSWORD", "pw", "ICLOUD_DOMAIN",
                    apple.baseUrl(), "HOME", work.toString()), "");
            try {
                awaitOrFail(p, app, () -> files(photos) >= expected.size());
                Thread.sleep(500); // a last rename may be under way
                assertThat(ManifestFiles.actualSha256(photos)).containsExactlyInAnyOrderElementsOf(expected);
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(Files.readString(app.resolve("out.txt"))).doesNotContain("Exception");
        }
    }

    /**
     * Truth in the Camel application: a pass whose downloads break is a failed poll, so readiness (Camel's consumer
     * health check) is down; once the downloads work, the next pass delivers the files and readiness is back.
     */
    @Test
    void camelApplicationModeShowsAnIncompletePassInHealth() throws Exception {
        String user = "apphealth@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(4).seed(6)
                .account(user + ":pw:nomfa").build().start()) {
            apple.injectFault(Fault.truncate("GET", "/B/*").times(100_000));
            Path app = Files.createDirectories(work.resolve("apphealth"));
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Files.writeString(app.resolve("application.properties"), Files.readString(Path.of("application.properties"))
                    + "\nicloud.watch-interval-ms = 2000\ncamel.component.icloud.max-retries = 0"
                    + "\ncamel.component.icloud.retry-delay-seconds = 0\ncamel.management.enabled = true"
                    + "\ncamel.management.host = 127.0.0.1\ncamel.management.port = " + port
                    + "\ncamel.management.health-check-enabled = true\n");
            Files.createDirectories(app.resolve("routes"));
            try (var routes = Files.list(Path.of("routes"))) {
                for (Path r : routes.toList()) {
                    Files.copy(r, app.resolve("routes").resolve(r.getFileName()));
                }
            }
            Process p = start(app, Map.of("ICLOUD_USERNAME", user, "ICLOUD_PASSWORD", "pw", "ICLOUD_DOMAIN",
                    apple.baseUrl()), "");
            String ready = "http://127.0.0.1:" + port + "/observe/health/ready";
            try {
                awaitOrFail(p, app, () -> Files.exists(app.resolve("out.txt")) && read(app).contains(" failed")
                        && status(ready) == 503);
                assertThat(read(app)).contains("0 delivered", "could not be delivered").doesNotContain("have been"
                        + " downloaded").doesNotContain("\tat ");
                apple.clearFaults();
                awaitOrFail(p, app, () -> status(ready) == 200 && read(app).contains("have been downloaded"));
                assertThat(ManifestFiles.actualSha256(app.resolve("photos")))
                        .containsExactlyInAnyOrderElementsOf(ManifestFiles.expectedSha256(apple.manifest(user)));
            } finally {
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String read(Path dir) {
        try {
            return Files.readString(dir.resolve("out.txt"));
        } catch (IOException e) {
            return "";
        }
    }

    private static int status(String url) {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(url).toURL()
                    .openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            return c.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Seen 2: --smtp-* flags start the bundled mail route, and the trust's warning reaches the mailbox. */
    @Test
    void cliAlertsByMail() throws Exception {
        String user = "mail@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(4)
                .account(user + ":pw:mfa,trust-days=3").build().start()) {
            Result r = run(work, Map.of("HOME", work.toString()), apple.mfaCode() + "\n", "--username", user,
                    "--password", "pw", "--domain", apple.baseUrl(), "--cookie-directory",
                    work.resolve("cookies").toString(), "-d", work.resolve("photos").toString(), "--no-progress-bar",
                    "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()),
                    "--smtp-no-tls", "--smtp-username", SMTP_USER, "--smtp-password", SMTP_PASSWORD,
                    "--notification-email", "me@mail.test", "--mfa-expiry-warning-days", "5");
            assertThat(r.exitCode).as(r.output).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("Two step authentication for " + user);
        }
    }

    /** Seen 3: a run whose every download fails says so and exits 1; only a complete run says "All ... downloaded". */
    @Test
    void failedDownloadsEndTheRunWithExitOne() throws Exception {
        String user = "broken@example.com";
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(5).seed(2)
                .account(user + ":pw:nomfa").build().start()) {
            apple.injectFault(Fault.truncate("GET", "/B/*").times(100_000));
            List<String> args = List.of("--username", user, "--password", "pw", "--domain", apple.baseUrl(),
                    "--cookie-directory", work.resolve("cookies").toString(), "-d", work.resolve("photos").toString(),
                    "--no-progress-bar", "--retry-delay", "0", "--max-retries", "1");
            Result broken = run(work, Map.of("HOME", work.toString()), "", args.toArray(String[]::new));
            assertThat(broken.exitCode).as(broken.output).isEqualTo(1);
            assertThat(broken.output).doesNotContain("have been downloaded")
                    .containsPattern("0 delivered, 0 already there, 0 skipped, \\d+ failed");

            apple.clearFaults();
            Result fixed = run(work, Map.of("HOME", work.toString()), "", args.toArray(String[]::new));
            assertThat(fixed.exitCode).as(fixed.output).isZero();
            assertThat(fixed.output).contains("All photos and videos have been downloaded").contains(" 0 failed");
            assertThat(ManifestFiles.actualSha256(work.resolve("photos")))
                    .containsExactlyInAnyOrderElementsOf(ManifestFiles.expectedSha256(apple.manifest(user)));
        }
    }

    private static long files(Path dir) {
        try {
            return ManifestFiles.files(dir).stream().filter(f -> !f.toString().endsWith(".part")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void awaitOrFail(Process p, Path dir, BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!done.getAsBoolean()) {
            if (!p.isAlive()) {
                throw new AssertionError("the jar ended with " + p.exitValue() + ": "
                        + Files.readString(dir.resolve("out.txt")));
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out: " + Files.readString(dir.resolve("out.txt")));
            }
            Thread.sleep(200);
        }
    }

    private static Process start(Path dir, Map<String, String> env, String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Duser.home=" + dir.toAbsolutePath(), "-jar", Path.of(System.getProperty("project.jar",
                "target/camel-icloud.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        b.environment().put("DBUS_SESSION_BUS_ADDRESS", "disabled:");
        b.environment().putAll(env);
        Process p = b.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Result run(Path dir, Map<String, String> env, String stdin, String... args) throws Exception {
        Process p = start(dir, env, stdin, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the jar did not finish in 120 s: " + Files.readString(dir.resolve("out.txt")));
        }
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")));
    }

    private record Result(int exitCode, String output) {
    }
}
