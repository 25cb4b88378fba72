package io.github.camelicloud.app;

import static io.github.camelicloud.app.Eventually.awaitTrue;
import static io.github.camelicloud.app.Eventually.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.Chromium;
import io.github.camelicloud.testing.JarProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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
 * The web page end to end, in watch mode: headless Chromium (Debian's, driven through its chromedriver) meets the
 * page's login, where a wrong password is refused and said so; signed in, it types the iCloud password and a wrong
 * then the right code into the page, sees the status view (the route's last pass and its counts, the next pass, the
 * trust), and its "Sync now" starts a pass that delivers a new photo at once. A form another site posts is refused.
 * Without a browser: off loopback, a foreign Host with a matching Origin, a post without a session, and too many
 * wrong passwords are refused, and none of them changes what the sign-in waits for.
 */
class WebUiMfaTest {

    private static final String USER = "webui@example.com";
    private static final String SECOND = "webui2@example.com";
    private static final String PASSWORD = "web-Secret-7";
    private static final String LOGIN = "page-login-Pass-9";
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();
    private static ICloudSimulator apple;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        apple = ICloudSimulator.builder().srpIterations(1000).assets(4).seed(9)
                .account(USER + ":" + PASSWORD + ":mfa").account(SECOND + ":" + PASSWORD + ":mfa").build().start();
    }

    @AfterAll
    static void stop() {
        apple.close();
    }

    @Test
    void theLoginThenThePasswordAndCodeTypedIntoThePageSignInAndSyncNowDeliversANewPhoto() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        int port = JarProcess.freePort();
        String page = "http://127.0.0.1:" + port + "/";
        Path photos = work.resolve("photos");
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread watch = watchThroughTheWebPage(port, "127.0.0.1", photos, result);
        WebDriver browser = Chromium.start(work);
        try {
            Chromium.await(browser, page, b -> !b.findElements(By.id("login-password")).isEmpty());
            Chromium.submit(browser, "login-password", "sign-in", "not-the-login");
            assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Wrong password.");
            assertThat(browser.findElements(By.id("password"))).as("nothing but the login before it").isEmpty();
            Chromium.submit(browser, "login-password", "sign-in", LOGIN);

            Chromium.await(browser, page, b -> !b.findElements(By.id("password")).isEmpty());
            assertThat(browser.findElement(By.id("account")).getText()).isEqualTo(USER);
            assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Waiting for the password");
            Chromium.submit(browser, "password", "submit-password", PASSWORD);

            Chromium.await(browser, page, b -> !b.findElements(By.id("code")).isEmpty());
            assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Waiting for the verification code");
            Chromium.submit(browser, "code", "submit-code", "000000");
            Chromium.await(browser, page, b -> b.getPageSource().contains("The code was not accepted"));
            Chromium.submit(browser, "code", "submit-code", apple.mfaCode());

            Chromium.await(browser, page, b -> b.findElement(By.id("last-0")).getText().contains("5 delivered"));
            assertThat(browser.findElement(By.id("route-0")).getText()).contains(USER, photos.toString(), "OK",
                    "0 failed", "expires").containsPattern("in 59 min|in 1 h");
            assertThat(browser.getPageSource()).doesNotContain(PASSWORD).doesNotContain(LOGIN);

            crossSiteFormPost(browser, page + "sync");
            assertThat(browser.getPageSource()).contains("Refused");

            apple.addAsset(USER, new NewAsset("SYNC_NOW.JPG", null, 4000, Instant.now(), null, 0));
            Chromium.await(browser, page, b -> !b.findElements(By.id("sync-0")).isEmpty());
            browser.findElement(By.id("sync-0")).click();
            awaitTrue(() -> names(photos).contains("SYNC_NOW.JPG"), "sync now delivers the new photo");
            Chromium.await(browser, page, b -> b.findElement(By.id("last-0")).getText().contains("1 delivered"));
        } finally {
            browser.quit();
            watch.interrupt();
            watch.join(Duration.ofMinutes(1).toMillis());
        }
        assertThat(result.get().output()).contains("Web UI on " + page + " (login required)")
                .doesNotContain(PASSWORD).doesNotContain(LOGIN);
    }

    /** Needs no browser: what anyone on the network, or a rebinding web site, could send. */
    @Test
    void offLoopbackForeignHostsCrossSitePostsPostsWithoutLoginAndGuessesAreRefusedAndChangeNothing()
            throws Exception {
        int port = JarProcess.freePort();
        String local = "127.0.0.1:" + port;
        Path photos = work.resolve("photos");
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread watch = watchThroughTheWebPage(port, "0.0.0.0", photos, result);
        try {
            awaitTrue(() -> get(local, local, null).contains("id=\"login-password\""), "the login page");
            String evil = "evil.example:" + port;
            assertThat(status(post(evil, "http://" + evil, null, "/login", "password", LOGIN)))
                    .as("a foreign Host with a matching Origin (DNS rebinding)").isEqualTo(403);
            assertThat(get(evil, local, null)).as("the page read through a foreign Host").startsWith("Refused");
            assertThat(status(post(local, "http://evil.example", null, "/login", "password", LOGIN)))
                    .as("another site's form").isEqualTo(403);
            assertThat(status(post(local, "http://" + local, null, "/password", "password", "guess")))
                    .as("a post without a session").isEqualTo(403);

            for (int i = 0; i < 5; i++) {
                assertThat(status(post(local, "http://" + local, null, "/login", "password", "guess-" + i)))
                        .isEqualTo(401);
            }
            try (Response limited = post(local, "http://" + local, null, "/login", "password", LOGIN)) {
                assertThat(limited.code()).as("the right password after five wrong ones").isEqualTo(429);
                assertThat(limited.header("Set-Cookie")).isNull();
            }
            assertThat(result.get()).as("still running").isNull();
        } finally {
            watch.interrupt();
            watch.join(Duration.ofMinutes(1).toMillis());
        }
        assertThat(names(photos)).as("the sign-in still waits for its password").isEmpty();
    }

    /**
     * Needs no browser: two {@code --username} with {@code --mfa-provider webui} share one page on one port, a card
     * per account; a code posted for one account goes to that account's sign-in alone (a card that is not waiting
     * refuses it, and the other keeps waiting), and both accounts sync.
     */
    @Test
    void severalAccountsShareOnePageAndEachCodeGoesToItsAccount() throws Exception {
        int port = JarProcess.freePort();
        String local = "127.0.0.1:" + port;
        Path first = work.resolve("first");
        Path second = work.resolve("second");
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread run = new Thread(() -> result.set(CliRun.of("", "--domain", apple.baseUrl(), "--cookie-directory",
                work.resolve("cookies").toString(), "--no-progress-bar", "--password", PASSWORD, "--mfa-provider",
                "webui", "--webui-port", String.valueOf(port), "--username", USER, "-d", first.toString(),
                "--username", SECOND, "-d", second.toString())), "two-accounts-cli");
        run.start();
        try {
            awaitTrue(() -> get(local, local, null).contains("id=\"code\""), "the first account waiting for a code");
            assertThat(get(local, local, null)).contains("id=\"account\">" + USER)
                    .contains("name=\"account\" value=\"0\"").doesNotContain("id=\"code-1\"");
            assertThat(postCode(local, "1", apple.mfaCode())).as("a card that does not exist").endsWith("?rejected");
            assertThat(postCode(local, "0", apple.mfaCode())).isEqualTo("/");

            awaitTrue(() -> get(local, local, null).contains("id=\"code-1\""), "the second account waiting");
            String page = get(local, local, null);
            assertThat(page).contains("id=\"account-1\">" + SECOND).doesNotContain("id=\"code\"");
            assertThat(postCode(local, "0", apple.mfaCode())).as("the first card waits no more").endsWith("?rejected");
            assertThat(get(local, local, null)).as("the second still waits").contains("id=\"code-1\"");
            assertThat(postCode(local, "1", apple.mfaCode())).isEqualTo("/");
            run.join(Duration.ofMinutes(3).toMillis());
        } finally {
            run.interrupt();
            run.join(Duration.ofMinutes(1).toMillis());
        }
        assertThat(result.get().exitCode()).as(result.get().output()).isZero();
        assertThat(result.get().output()).containsOnlyOnce("Web UI on http://127.0.0.1:" + port + "/")
                .doesNotContain(PASSWORD);
        assertThat(names(first)).hasSize(5);
        assertThat(names(second)).hasSize(5);
    }

    /** Posts a code for the card {@code account}; where the page sends the browser back ("/" when accepted). */
    private static String postCode(String host, String account, String code) throws IOException {
        Request post = new Request.Builder().url("http://" + host + "/code").header("Origin", "http://" + host)
                .post(new FormBody.Builder().add("account", account).add("code", code).build()).build();
        try (Response response = HTTP.newCall(post).execute()) {
            return response.header("Location", "");
        }
    }

    /** The CLI, in the background, in watch mode, asking for the password and the code on its web page. */
    private Thread watchThroughTheWebPage(int port, String host, Path photos, AtomicReference<CliRun> result)
            throws IOException {
        Path login = Files.writeString(work.resolve("webui-login"), LOGIN + "\n");
        Thread watch = new Thread(() -> result.set(CliRun.of("", "--username", USER, "--password-provider", "webui",
                "--domain", apple.baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "-d",
                photos.toString(), "--no-progress-bar", "--mfa-provider", "webui", "--webui-port",
                String.valueOf(port), "--webui-host", host, "--webui-password-file", login.toString(),
                "--watch-with-interval", "3600")), "watch-cli");
        watch.start();
        return watch;
    }

    /** What a page on another site does: a form posting to the page, submitted by its script. */
    private static void crossSiteFormPost(WebDriver browser, String action) throws Exception {
        String html = "<form method=post action='" + action + "'><input name=route value=0></form>"
                + "<script>document.forms[0].submit()</script>";
        browser.get("data:text/html," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        awaitTrue(() -> browser.getPageSource().contains("Refused"), "the refusal");
    }

    private static String get(String host, String address, String cookie) {
        Request.Builder get = new Request.Builder().url("http://" + address + "/").header("Host", host);
        if (cookie != null) {
            get.header("Cookie", cookie);
        }
        try (Response response = HTTP.newCall(get.build()).execute()) {
            return response.body().string();
        } catch (IOException e) {
            return ""; // not up yet
        }
    }

    private static Response post(String host, String origin, String cookie, String path, String field, String value)
            throws IOException {
        Request.Builder post = new Request.Builder().url("http://127.0.0.1:" + host.replaceFirst(".*:", "") + path)
                .header("Host", host).header("Origin", origin).post(new FormBody.Builder().add(field, value).build());
        if (cookie != null) {
            post.header("Cookie", cookie);
        }
        return HTTP.newCall(post.build()).execute();
    }

    private static int status(Response response) {
        try (response) {
            return response.code();
        }
    }
}
