package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.Chromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * {@code --password-provider webui --mfa-provider webui} end to end: headless Chromium (Debian's, driven through
 * its chromedriver) opens the page, types the password, a wrong code is refused and said so, the right one signs
 * in, and the sync delivers the files. A cross-site POST carrying the right code is refused and changes nothing;
 * the password never comes back in a page or the log.
 */
class WebUiMfaTest {

    private static final String USER = "webui@example.com";
    private static final String PASSWORD = "web-Secret-7";
    private static ICloudSimulator apple;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        apple = ICloudSimulator.builder().srpIterations(1000).assets(4).seed(9)
                .account(USER + ":" + PASSWORD + ":mfa").build().start();
    }

    @AfterAll
    static void stop() {
        apple.close();
    }

    @Test
    void theCodeTypedIntoThePageSignsInAndTheSyncDeliversTheFiles() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        int port = freePort();
        String page = "http://127.0.0.1:" + port + "/";
        Path photos = work.resolve("photos");
        CompletableFuture<CliRun> sync = syncThroughTheWebPage(port, photos);

        WebDriver browser = Chromium.start(work);
        try {
            Chromium.await(browser, page, b -> !b.findElements(By.id("password")).isEmpty());
            assertThat(browser.findElement(By.id("account")).getText()).isEqualTo(USER);
            assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Waiting for the password");
            Chromium.submit(browser, "password", "submit-password", PASSWORD);

            Chromium.await(browser, page, b -> !b.findElements(By.id("code")).isEmpty());
            assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Waiting for the verification code");

            Chromium.submit(browser, "code", "submit-code", "000000");
            Chromium.await(browser, page, b -> b.getPageSource().contains("The code was not accepted"));

            Chromium.submit(browser, "code", "submit-code", apple.mfaCode());
            assertThat(browser.getPageSource()).doesNotContain(PASSWORD);

            CliRun run = sync.get(3, TimeUnit.MINUTES);
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Web UI on " + page, "Great, you're all set up")
                    .doesNotContain(PASSWORD);
            try (Stream<Path> files = Files.walk(photos)) {
                assertThat(files.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(4);
            }
        } finally {
            browser.quit();
            sync.cancel(true);
        }
    }

    /** Needs no browser: the server refuses what another site or a rebound host name sends, and only that. */
    @Test
    void crossSitePostsAndReboundHostNamesAreRefusedAndChangeNothing() throws Exception {
        int port = freePort();
        String page = "http://127.0.0.1:" + port + "/";
        Path photos = work.resolve("photos");
        CompletableFuture<CliRun> sync = syncThroughTheWebPage(port, photos);
        try {
            awaitPage(page, "id=\"password\"");
            assertThat(post(page + "password", "http://127.0.0.1:" + port, "password", PASSWORD)).isEqualTo(303);
            awaitPage(page, "id=\"code\"");

            assertThat(crossSitePost(port, apple.mfaCode())).as("a cross-site form post").isEqualTo(403);
            assertThat(rebound(port)).as("a page read through another host name (DNS rebinding)").isEqualTo(403);
            assertThat(awaitPage(page, "id=\"code\"")).as("still waiting after the refused post")
                    .contains("Waiting for the verification code");

            assertThat(post(page + "code", "http://127.0.0.1:" + port, "code", apple.mfaCode()))
                    .as("the same code from the page itself").isEqualTo(303);
            CliRun run = sync.get(3, TimeUnit.MINUTES);
            assertThat(run.exitCode()).as(run.output()).isZero();
            try (Stream<Path> files = Files.walk(photos)) {
                assertThat(files.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(4);
            }
        } finally {
            sync.cancel(true);
        }
    }

    /** The CLI, in the background, asking for the password and the code on its web page. */
    private CompletableFuture<CliRun> syncThroughTheWebPage(int port, Path photos) {
        return CompletableFuture.supplyAsync(() -> CliRun.of("", "--username", USER, "--password-provider", "webui",
                "--domain", apple.baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "-d",
                photos.toString(), "--no-progress-bar", "--mfa-provider", "webui", "--webui-port",
                String.valueOf(port)));
    }

    /** Reads the page until it contains {@code marker}; returns it. */
    private static String awaitPage(String page, String marker) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            try (Response response = new OkHttpClient().newCall(new Request.Builder().url(page).build()).execute()) {
                String body = response.body().string();
                if (body.contains(marker)) {
                    return body;
                }
            } catch (IOException notYetListening) {
                // the CLI starts the page while signing in
            }
            assertThat(Instant.now()).as("the page never showed " + marker).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static int post(String url, String origin, String field, String value) throws IOException {
        Request post = new Request.Builder().url(url).header("Origin", origin)
                .post(new FormBody.Builder().add(field, value).build()).build();
        try (Response response = new OkHttpClient.Builder().followRedirects(false).build().newCall(post).execute()) {
            return response.code();
        }
    }

    /** What a page on another site could send: the right code, but another Origin. */
    private static int crossSitePost(int port, String code) throws IOException {
        Request post = new Request.Builder().url("http://127.0.0.1:" + port + "/code")
                .header("Origin", "http://evil.example").post(new FormBody.Builder().add("code", code).build())
                .build();
        try (Response response = new OkHttpClient().newCall(post).execute()) {
            return response.code();
        }
    }

    /** What a rebinding attack looks like to the server: its own address, a foreign Host header. */
    private static int rebound(int port) throws IOException {
        Request get = new Request.Builder().url("http://127.0.0.1:" + port + "/")
                .header("Host", "attacker.example:" + port).build();
        try (Response response = new OkHttpClient().newCall(get).execute()) {
            return response.code();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
