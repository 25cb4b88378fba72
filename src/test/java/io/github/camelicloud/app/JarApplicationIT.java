package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.MailServers;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import io.github.camelicloud.testing.TlsMailExtension;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Camel application mode of the shipped jar, as the README tells a user to run it: sign in once with {@code
 * --auth-only}, then {@code java -jar camel-icloud.jar} with no arguments in a folder holding the project's own {@code
 * application.properties} and {@code routes/}, turned to a folder, S3 (S3Proxy), SFTP (MINA SSHD) and MFA mail alerts
 * (SMTPS to a server the JVM trusts through the test's store) by settings and the environment alone. Every destination
 * ends up holding exactly the simulator's library, and the trust that expires within the warning days is announced by
 * mail.
 */
class JarApplicationIT {

    private static final String USER = "app@example.com";
    private static final String HEALTH_USER = "apphealth@example.com";
    private static final String RECIPIENT = "me@mail.test";

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(4).seed(31).videoSize(200_000)
            .account(USER + ":pw:mfa,trust-days=3").account(HEALTH_USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftpServer = new SftpExtension();
    @RegisterExtension
    static final TlsMailExtension mail = MailServers.smtps();

    @TempDir
    Path work;

    @Test
    void theBundledRoutesFillAFolderABucketAnSftpServerAndMailTheMfaAlert() throws Exception {
        ICloudSimulator apple = simulator.get();
        S3TestServer s3 = s3Server.get();
        SftpTestServer sftp = sftpServer.get();
        LibraryManifest library = apple.manifest(USER);
        Path cookies = work.resolve("cookies");
        JarProcess.Result signIn = JarProcess.jar(work, "--username", USER, "--password", "pw", "--domain",
                apple.baseUrl(), "--cookie-directory", cookies.toString(), "--auth-only")
                .stdin(apple.mfaCode() + "\n").run();
        assertThat(signIn.exitCode()).as(signIn.output()).isZero();

        s3.createBucket("app");
        Path app = applicationFolder();
        Files.writeString(app.resolve("application.properties"), String.join("\n", "",
                "icloud.cookie-directory = " + cookies,
                "icloud.state.directory = " + work.resolve("state"),
                "destinations.s3.enabled = true",
                "destinations.s3.bucket = app",
                "destinations.s3.prefix = icloud/",
                "destinations.s3.endpoint = " + s3.endpoint(),
                "destinations.sftp.enabled = true",
                "destinations.sftp.host = 127.0.0.1",
                "destinations.sftp.port = " + sftp.port(),
                "destinations.sftp.user = " + SftpTestServer.USER,
                "destinations.sftp.path = app",
                "destinations.sftp.known-hosts = " + sftp.knownHosts(work.resolve("known_hosts")), ""),
                StandardOpenOption.APPEND);
        Path photos = work.resolve("photos");
        JarProcess application = JarProcess.jar(work).in(app)
                .env("ICLOUD_USERNAME", USER).env("ICLOUD_PASSWORD", "pw").env("ICLOUD_DOMAIN", apple.baseUrl())
                .env("ICLOUD_DIRECTORY", photos.toString())
                .env("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY)
                .env("AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY)
                .env("SFTP_PASSWORD", SftpTestServer.PASSWORD)
                .env("ICLOUD_MFA_ALERT_URI", "direct:icloud-mfa-alert-mail")
                .env("SMTP_HOST", "localhost").env("SMTP_PORT", String.valueOf(mail.get().port()))
                .env("SMTP_SCHEME", "smtps").env("SMTP_USERNAME", MailServers.USER)
                .env("SMTP_PASSWORD", MailServers.PASSWORD).env("NOTIFICATION_EMAIL", RECIPIENT);
        mail.get().trustOptions(work.resolve("mail-trust.p12")).forEach(application::jvm);
        int files = ManifestAssert.contents(library).size();
        try (JarProcess.Running running = application.start()) {
            running.await("library in the folder, the bucket and on the SFTP server, and the alert mail",
                    Duration.ofSeconds(120), () -> count(() -> StoredFile.under(photos)) == files
                            && count(() -> s3.objects("app")) == files
                            && count(() -> sftp.files("app")) == files
                            && mail.get().receivedMessages().length >= 1);
            Thread.sleep(500); // a late duplicate would show now
        }
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), library);
        ManifestAssert.holdsTheLibrary("bucket", s3.objects("app").stream()
                .map(o -> new StoredFile(o.key().replaceFirst("^icloud/", ""), o.size(), o.sha256())).toList(),
                library);
        ManifestAssert.holdsTheLibrary("SFTP", sftp.files("app"), library);
        MailServers.receivedOneTrustWarning(mail.get().receivedMessages(), RECIPIENT, USER);
    }

    /**
     * A run tells the truth in the Camel application too: a pass whose downloads all break is a failed poll, so
     * readiness (Camel's consumer health check) is down and no line claims success; once downloads work again, the
     * next pass delivers the files and readiness is back.
     */
    @Test
    void anIncompletePassTakesReadinessDownUntilTheNextPassDeliversEverything() throws Exception {
        ICloudSimulator apple = simulator.get();
        int port = JarProcess.freePort();
        Path app = applicationFolder();
        Path photos = work.resolve("photos");
        Files.writeString(app.resolve("application.properties"), String.join("\n", "",
                "icloud.cookie-directory = " + work.resolve("cookies"),
                "icloud.watch-interval-ms = 2000",
                "camel.component.icloud.max-retries = 0",
                "camel.component.icloud.retry-delay-seconds = 0",
                "camel.management.enabled = true",
                "camel.management.host = 127.0.0.1",
                "camel.management.port = " + port,
                "camel.management.health-check-enabled = true", ""), StandardOpenOption.APPEND);
        String ready = "http://127.0.0.1:" + port + "/observe/health/ready";
        apple.injectFault(Fault.truncate("GET", "/B/*").times(100_000));
        try (JarProcess.Running running = JarProcess.jar(work).in(app).env("ICLOUD_USERNAME", HEALTH_USER)
                .env("ICLOUD_PASSWORD", "pw").env("ICLOUD_DOMAIN", apple.baseUrl())
                .env("ICLOUD_DIRECTORY", photos.toString()).start()) {
            running.await("a failed pass and readiness down", Duration.ofSeconds(90),
                    () -> running.output().contains(" failed") && status(ready) == 503);
            assertThat(running.output()).contains("0 delivered", "could not be delivered")
                    .doesNotContain("have been downloaded").doesNotContain("\tat ");
            apple.clearFaults();
            running.await("the next pass delivering everything and readiness up", Duration.ofSeconds(90),
                    () -> status(ready) == 200 && running.output().contains("have been downloaded"));
        } finally {
            apple.clearFaults();
        }
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.manifest(HEALTH_USER));
    }

    /**
     * SIGTERM in the middle of a pass (a download stalled half-way) ends the application by a graceful shutdown
     * that cuts the download, not one that waits out Camel's shutdown timeout: no file under its final name is
     * partial, and a restart completes the library byte for byte, part files resumed and gone. How long the exit
     * took is printed (a measurement, not an assertion).
     */
    @Test
    void sigtermMidPassShutsDownGracefullyAndARestartCompletesTheLibrary() throws Exception {
        ICloudSimulator apple = simulator.get();
        Path app = applicationFolder();
        Path photos = work.resolve("photos");
        Files.writeString(app.resolve("application.properties"), String.join("\n", "",
                "icloud.cookie-directory = " + work.resolve("cookies"), ""), StandardOpenOption.APPEND);
        JarProcess application = JarProcess.jar(work).in(app).env("ICLOUD_USERNAME", HEALTH_USER)
                .env("ICLOUD_PASSWORD", "pw").env("ICLOUD_DOMAIN", apple.baseUrl())
                .env("ICLOUD_DIRECTORY", photos.toString());
        apple.injectFault(Fault.stall("GET", "/B/*", Duration.ofMinutes(5)));
        try (JarProcess.Running running = application.start()) {
            running.await("a download in progress", Duration.ofSeconds(90), () -> StoredFile.partFiles(photos) > 0);
            long sent = System.nanoTime();
            ProcessHandle.of(running.pid()).orElseThrow().destroy(); // SIGTERM
            running.awaitExitCode();
            System.out.printf("SIGTERM mid-pass to exit: %d ms%n", (System.nanoTime() - sent) / 1_000_000);
            assertThat(running.output()).contains("Stopped: graceful shutdown complete")
                    .doesNotContain("\tat ");
        } finally {
            apple.clearFaults();
        }
        assertThat(StoredFile.under(photos)).filteredOn(f -> !f.key().endsWith(".part"))
                .extracting(StoredFile::content).isSubsetOf(ManifestAssert.contents(apple.manifest(HEALTH_USER)));

        int files = ManifestAssert.contents(apple.manifest(HEALTH_USER)).size();
        try (JarProcess.Running running = application.start()) {
            running.await("the library in the folder", Duration.ofSeconds(120),
                    () -> count(() -> StoredFile.under(photos)) == files && StoredFile.partFiles(photos) == 0);
        }
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.manifest(HEALTH_USER));
    }

    private static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            return c.getResponseCode();
        } catch (IOException notYet) {
            return -1;
        }
    }

    /** The project's own application.properties and routes/, copied as a user would set up a folder. */
    private Path applicationFolder() throws Exception {
        Path app = Files.createDirectories(work.resolve("app/routes"));
        Files.copy(Path.of("application.properties"), work.resolve("app/application.properties"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, app.resolve(route.getFileName()));
            }
        }
        return app.getParent();
    }

    /** How many files a destination holds now (none while it cannot be read yet). */
    private static int count(Callable<List<StoredFile>> files) {
        try {
            return (int) files.call().stream().filter(f -> !f.key().endsWith(".part")).count();
        } catch (Exception notYet) {
            return -1;
        }
    }
}
