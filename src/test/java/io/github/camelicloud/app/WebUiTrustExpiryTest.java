package io.github.camelicloud.app;

import static io.github.camelicloud.app.Eventually.awaitTrue;
import static io.github.camelicloud.app.Eventually.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.FreePort;
import java.io.IOException;
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

/**
 * Watch mode with {@code --mfa-provider webui}: when Apple's trust ends mid-run, the process does not end; the
 * poll that finds out fails, the next one waits for a code on the web page, and once it is typed there the watch
 * goes on delivering. The page is driven over plain HTTP here (the form itself is tested in Chromium by
 * {@link WebUiMfaTest}).
 */
class WebUiTrustExpiryTest {

    private static final String USER = "expiry@example.com";
    private static final String PASSWORD = "expiry-secret-pw";
    private static final OkHttpClient HTTP = new OkHttpClient();

    private static ICloudSimulator apple;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        apple = ICloudSimulator.builder().srpIterations(1000).assets(4).seed(11)
                .account(USER + ":" + PASSWORD + ":mfa,trust-days=3").build().start();
    }

    @AfterAll
    static void stop() {
        apple.close();
    }

    @Test
    void anExpiredTrustInWatchModeWaitsForTheCodeOnThePageAndTheWatchGoesOn() throws Exception {
        String cookies = work.resolve("cookies").toString();
        CliRun signIn = CliRun.of(apple.mfaCode() + "\n", "--username", USER, "--password", PASSWORD, "--domain",
                apple.baseUrl(), "--cookie-directory", cookies, "--auth-only");
        assertThat(signIn.exitCode()).as(signIn.output()).isZero();

        int port = FreePort.pick();
        Path photos = work.resolve("photos");
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread watch = new Thread(() -> result.set(CliRun.of("", "--username", USER, "--password", PASSWORD,
                "--domain", apple.baseUrl(), "--cookie-directory", cookies, "-d", photos.toString(),
                "--watch-with-interval", "1", "--no-progress-bar", "--mfa-provider", "webui", "--webui-port",
                String.valueOf(port))), "watch-cli");
        watch.start();
        try {
            awaitTrue(() -> fileCount(photos) >= 4, "the first pass delivers the library");

            apple.advanceClock(Duration.ofDays(4)); // past the trust: Apple wants a code again
            awaitTrue(() -> page(port).contains("id=\"code\""), "the page asks for the verification code");
            assertThat(postCode(port, apple.mfaCode())).isEqualTo(303);

            apple.addAsset(USER, new NewAsset("AFTER_CODE.JPG", null, 4000, Instant.now(), null));
            awaitTrue(() -> names(photos).contains("AFTER_CODE.JPG"), "the watch goes on after the code");
        } finally {
            watch.interrupt();
            watch.join(Duration.ofMinutes(1).toMillis());
        }
        CliRun run = result.get();
        assertThat(run).as("the watch ended when asked").isNotNull();
        assertThat(run.output()).contains("Waiting for the two-factor authentication code on http://127.0.0.1:" + port)
                .doesNotContain(PASSWORD);
    }

    private static String page(int port) {
        try (Response response = HTTP.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/").build())
                .execute()) {
            return response.body().string();
        } catch (IOException e) {
            return ""; // not up yet
        }
    }

    /** The code form's post, as the page's own form sends it (same origin). */
    private static int postCode(int port, String code) throws IOException {
        String origin = "http://127.0.0.1:" + port;
        Request post = new Request.Builder().url(origin + "/code").header("Origin", origin)
                .post(new FormBody.Builder().add("code", code).build()).build();
        try (Response response = HTTP.newBuilder().followRedirects(false).build().newCall(post).execute()) {
            return response.code();
        }
    }

    private static long fileCount(Path folder) {
        return names(folder).stream().filter(n -> !n.endsWith(".part")).count();
    }
}
