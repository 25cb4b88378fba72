package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.testing.Chromium;
import io.github.camelicloud.testing.FreePort;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.MailServers;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import io.github.camelicloud.testing.TlsMailExtension;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The command line of the shipped jar, each documented mode in a process of its own against real servers started here
 * on 127.0.0.1 (the simulator, S3Proxy, MINA SSHD, an SMTP server that wants STARTTLS): every destination ends up
 * holding exactly the simulator's library (names, sizes, SHA-256) and a second run sends nothing again, alerts arrive
 * as mails, the web page signs in through Chromium, the metrics and health answer over HTTP, and a run whose downloads
 * all fail says so with exit code 1.
 */
class JarCliIT {

    private static final String USER = "cli@example.com";
    private static final String ALERTED = "alert@example.com";
    private static final String WEB = "web@example.com";
    private static final String WEB_PASSWORD = "web-Secret-7";
    private static final String RECIPIENT = "me@mail.test";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(4).seed(21).videoSize(200_000)
            .account(USER + ":pw:nomfa").account(ALERTED + ":pw:mfa,trust-days=3")
            .account(WEB + ":" + WEB_PASSWORD + ":mfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftp = new SftpExtension();
    @RegisterExtension
    static final TlsMailExtension mail = MailServers.startTls();

    @TempDir
    static Path work;

    @Test
    void toAFolder() throws Exception {
        Path photos = work.resolve("folder-only");
        JarProcess.Result run = sync("folder-only", "-d", photos.toString()).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("All photos and videos have been downloaded");
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
    }

    @Test
    void toS3() throws Exception {
        s3.get().createBucket("s3-only");
        JarProcess.Result run = sync("s3-only", s3Flags("s3-only")).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        ManifestAssert.holdsTheLibrary("bucket", bucket("s3-only"), apple.get().manifest(USER));
    }

    @Test
    void toSftp() throws Exception {
        JarProcess.Result run = sync("sftp-only", sftpFlags("sftp-only")).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        ManifestAssert.holdsTheLibrary("SFTP", sftp.get().files("sftp-only"), apple.get().manifest(USER));
    }

    @Test
    void toAFolderS3AndSftpAtOnce() throws Exception {
        s3.get().createBucket("all");
        Path photos = work.resolve("all-folder");
        List<String> flags = new ArrayList<>(List.of("-d", photos.toString()));
        flags.addAll(s3Flags("all"));
        flags.addAll(sftpFlags("all"));
        JarProcess.Result run = sync("all", flags.toArray(String[]::new)).run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
        ManifestAssert.holdsTheLibrary("bucket", bucket("all"), apple.get().manifest(USER));
        ManifestAssert.holdsTheLibrary("SFTP", sftp.get().files("all"), apple.get().manifest(USER));

        JarProcess.Result again = sync("all", flags.toArray(String[]::new)).run();
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).as("the second run sends nothing anywhere").doesNotContain("Downloaded ")
                .doesNotContain("Uploaded ");
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
    }

    /** The mail goes over STARTTLS (the default but on port 465) to a server whose CA only the JVM's store holds. */
    @Test
    void mfaAlertsByMail() throws Exception {
        Path photos = work.resolve("alerted");
        JarProcess alerted = JarProcess.jar(work, "--username", ALERTED, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-alerted").toString(), "-d",
                photos.toString(), "--no-progress-bar", "--smtp-host", "localhost", "--smtp-port",
                String.valueOf(mail.get().port()), "--smtp-username", MailServers.USER,
                "--smtp-password", MailServers.PASSWORD, "--notification-email", RECIPIENT,
                "--mfa-expiry-warning-days", "5")
                .stdin(apple.get().mfaCode() + "\n");
        mail.get().trustOptions(work.resolve("mail-trust.p12")).forEach(alerted::jvm);
        JarProcess.Result run = alerted.run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain(MailServers.PASSWORD).doesNotContain("Could not mail");
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(ALERTED));
        MailServers.receivedOneTrustWarning(mail.get().receivedMessages(), RECIPIENT, ALERTED);
    }

    /**
     * SIGTERM (what {@code podman stop} sends, with 10 s before a kill) ends a watch within seconds, also in the
     * middle of a download: the cut file stays a part file, no final name holds half a file, and the next watch
     * completes the library; a SIGTERM between passes ends it as promptly.
     */
    @Test
    void sigtermEndsAWatchWithinSecondsAndLosesNothing() throws Exception {
        Path photos = work.resolve("stopped");
        apple.get().injectFault(Fault.stall("GET", "/B/*", Duration.ofMinutes(2)));
        try (JarProcess.Running watch = sync("stopped", "-d", photos.toString(), "--watch-with-interval", "3600")
                .start()) {
            watch.await("a download in progress", Duration.ofSeconds(90), () -> StoredFile.partFiles(photos) > 0);
            ProcessHandle.of(watch.pid()).orElseThrow().destroy(); // SIGTERM
            watch.awaitExit(Duration.ofSeconds(20));
        } finally {
            apple.get().clearFaults();
        }
        assertThat(StoredFile.under(photos)).filteredOn(f -> !f.key().endsWith(".part"))
                .extracting(StoredFile::content).isSubsetOf(ManifestAssert.contents(apple.get().manifest(USER)));

        try (JarProcess.Running watch = sync("stopped", "-d", photos.toString(), "--watch-with-interval", "3600")
                .start()) {
            watch.await("the first pass", Duration.ofSeconds(90), () -> watch.output().contains("Waiting for 3600"));
            ProcessHandle.of(watch.pid()).orElseThrow().destroy();
            watch.awaitExit(Duration.ofSeconds(20));
        }
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
    }

    /**
     * Every metric the README lists, by name, with the values of this pass: one download answered 503 and tried
     * again, every file delivered once, none skipped or failed. Health, readiness and liveness answer; a request
     * naming another host (DNS rebinding) is refused.
     */
    @Test
    void metricsAndHealthWhileWatching() throws Exception {
        int port = FreePort.pick();
        String base = "http://127.0.0.1:" + port + "/observe/";
        Path photos = work.resolve("watched");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> files = ManifestAssert.contents(apple.get().manifest(USER));
        long bytes = files.stream().mapToLong(f -> Long.parseLong(f.substring(0, f.indexOf(':')))).sum();
        apple.get().injectFault(Fault.of("GET", "/B/*", 503).times(1));
        try (JarProcess.Running watch = sync("watched", "-d", photos.toString(), "--watch-with-interval", "3600",
                "--metrics-port", String.valueOf(port), "--retry-delay", "0").start()) {
            watch.await("completed pass in the metrics", Duration.ofSeconds(90),
                    () -> get(http, base + "metrics").contains("icloud_passes_total{outcome=\"ok\"} 1.0"));
            String metrics = get(http, base + "metrics");
            assertThat(metrics).contains("icloud_files_downloaded_total " + (double) files.size(),
                    "icloud_files_skipped_total 0.0", "icloud_files_failed_total 0.0",
                    "icloud_download_bytes_total " + (double) bytes)
                    .containsPattern("(?m)^icloud_assets_listed_total [1-9]")
                    .containsPattern("icloud_requests_seconds_count\\{endpoint=\"download\",status=\"20[06]\"\\} [1-9]")
                    .containsPattern("icloud_requests_seconds_count\\{endpoint=\"records/query\",status=\"200\"\\}"
                            + " [1-9]")
                    .contains("icloud_retries_total{endpoint=\"download\"} 1.0")
                    .contains("icloud_errors_total{kind=\"http_503\"} 1.0");
            assertThat(status(http, base + "health")).isEqualTo(200);
            assertThat(get(http, base + "health")).contains("UP");
            assertThat(status(http, base + "health/ready")).isEqualTo(200);
            assertThat(status(http, base + "health/live")).isEqualTo(200);
            // a page of another site reaching the loopback port through DNS rebinding sends its own host name
            assertThat(rawGet(port, "/observe/health?exposureLevel=full&data=true", "rebound.example:" + port))
                    .startsWith("HTTP/1.1 421").doesNotContain(USER);
            assertThat(rawGet(port, "/observe/metrics", "rebound.example")).startsWith("HTTP/1.1 421");
            assertThat(rawGet(port, "/observe/health/live", "localhost:" + port)).startsWith("HTTP/1.1 200");
            assertThat(watch.isAlive()).as("watch mode keeps running").isTrue();
            assertThat(watch.output()).contains("Metrics at http://127.0.0.1:" + port + "/observe/metrics");
        } finally {
            apple.get().clearFaults();
        }
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
    }

    @Test
    void theCodeTypedIntoTheWebPageSignsIn() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        int port = FreePort.pick();
        String page = "http://127.0.0.1:" + port + "/";
        Path photos = work.resolve("web");
        try (JarProcess.Running run = JarProcess.jar(work, "--username", WEB, "--password", WEB_PASSWORD,
                "--domain", apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies-web").toString(), "-d",
                photos.toString(), "--no-progress-bar", "--mfa-provider", "webui", "--webui-port",
                String.valueOf(port)).start()) {
            WebDriver browser = Chromium.start(work);
            try {
                Chromium.await(browser, page, b -> !b.findElements(By.id("code")).isEmpty());
                assertThat(browser.findElement(By.id("account")).getText()).isEqualTo(WEB);
                Chromium.submit(browser, "code", "submit-code", apple.get().mfaCode());
            } finally {
                browser.quit();
            }
            JarProcess.Result result = run.awaitExit(Duration.ofSeconds(90));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("Web UI on " + page).doesNotContain(WEB_PASSWORD);
        }
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(WEB));
    }

    @Test
    void aRunWhoseDownloadsAllFailEndsWithExitCode1() throws Exception {
        Path photos = work.resolve("failing");
        apple.get().injectFault(Fault.truncate("GET", "/B/*").times(100_000));
        JarProcess.Result run;
        try {
            run = sync("failing", "-d", photos.toString(), "--max-retries", "1", "--retry-delay", "0").run();
        } finally {
            apple.get().clearFaults();
        }
        assertThat(run.output()).doesNotContain("All photos and videos have been downloaded")
                .containsPattern("0 delivered, 0 already there, 0 skipped, \\d+ failed");
        assertThat(ManifestFiles.files(photos)).allMatch(f -> f.getFileName().toString().endsWith(".part"));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);

        JarProcess.Result fixed = sync("failing", "-d", photos.toString()).run();
        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
        assertThat(fixed.output()).contains("All photos and videos have been downloaded", " 0 failed");
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
    }

    private static JarProcess sync(String name, String... flags) {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state-" + name).toString(), "--no-progress-bar"));
        args.addAll(List.of(flags));
        return JarProcess.jar(work, args.toArray(String[]::new));
    }

    private static JarProcess sync(String name, List<String> flags) {
        return sync(name, flags.toArray(String[]::new));
    }

    private static List<String> s3Flags(String bucket) {
        return List.of("--s3-bucket", bucket, "--s3-prefix", "icloud/", "--s3-endpoint", s3.get().endpoint(),
                "--s3-region", "us-east-1", "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key",
                S3TestServer.SECRET_KEY);
    }

    private static List<String> sftpFlags(String path) throws Exception {
        return List.of("--sftp-uri", "sftp://" + SftpTestServer.USER + "@127.0.0.1:" + sftp.get().port() + "/" + path,
                "--sftp-password", SftpTestServer.PASSWORD, "--sftp-known-hosts",
                sftp.get().knownHosts(work.resolve("known_hosts")).toString());
    }

    /** The bucket's objects, keys without the prefix. */
    private static List<StoredFile> bucket(String name) throws Exception {
        return s3.get().objects(name).stream().map(o -> {
            assertThat(o.key()).startsWith("icloud/");
            return new StoredFile(o.key().substring("icloud/".length()), o.size(), o.sha256());
        }).toList();
    }

    private static int status(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A request with any Host header (java.net.http refuses to set one). */
    private static String rawGet(int port, String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException notYet) {
            return ""; // the server starts with the routes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
