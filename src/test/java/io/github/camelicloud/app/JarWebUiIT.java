package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SelfSignedPem;
import io.github.camelicloud.testing.SimulatorExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page's safety as the shipped jar runs it: a port another program holds (the web page's or the metrics')
 * ends the run with a clear message and exit 1 before anything is announced or downloaded; off loopback without a
 * login is a command-line error; and over TLS with a login (WEBUI_PASSWORD), behind a trusted reverse proxy, the
 * session cookie is Secure, HttpOnly and SameSite=Strict, a forwarded foreign name is refused, and the code typed
 * through the proxy's name signs in and the library arrives.
 */
class JarWebUiIT {

    private static final String USER = "page@example.com";
    private static final String PASSWORD = "page-Secret-3";
    private static final String LOGIN = "web-page-Login-5";
    private static final String PLAIN = "plain@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(3).seed(31)
            .account(USER + ":" + PASSWORD + ":mfa").account(PLAIN + ":" + PASSWORD + ":nomfa"));

    @TempDir
    static Path work;

    @Test
    void aTakenPortEndsTheRunWithAClearErrorAndNothingIsDownloaded() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            Path photos = work.resolve("taken");
            JarProcess.Result page = sync("taken", USER, photos, "--mfa-provider", "webui", "--webui-port", port).run();
            assertThat(page.exitCode()).as(page.output()).isEqualTo(1);
            assertThat(page.output()).contains("Cannot serve the web page on 127.0.0.1:" + port, "--webui-port")
                    .doesNotContain("Web UI on").doesNotContain("\tat ").doesNotContain("Exception");

            JarProcess.Result metrics = sync("taken", PLAIN, photos, "--metrics-port", port).run();
            assertThat(metrics.exitCode()).as(metrics.output()).isEqualTo(1);
            assertThat(metrics.output()).contains("Cannot serve the metrics and health on 127.0.0.1:" + port,
                    "--metrics-port").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(ManifestFiles.files(photos)).as("nothing downloaded").isEmpty();
        }
    }

    @Test
    void offLoopbackWithoutALoginIsACommandLineError() throws Exception {
        JarProcess.Result run = sync("open", USER, work.resolve("open"), "--mfa-provider", "webui", "--webui-host",
                "0.0.0.0", "--webui-port", String.valueOf(JarProcess.freePort())).run();
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("--webui-password-file").doesNotContain("Web UI on")
                .doesNotContain("\tat ");
    }

    @Test
    void overTlsWithALoginBehindATrustedProxyTheCodeSignsIn() throws Exception {
        SelfSignedPem pem = SelfSignedPem.writeTo(work.resolve("tls"));
        OkHttpClient https = new OkHttpClient.Builder().followRedirects(false)
                .sslSocketFactory(pem.clientContext().getSocketFactory(), pem.trustManager()).build();
        int port = JarProcess.freePort();
        String page = "https://127.0.0.1:" + port + "/";
        Path photos = work.resolve("tls-photos");
        try (JarProcess.Running run = sync("tls", USER, photos, "--mfa-provider", "webui", "--webui-port",
                String.valueOf(port), "--webui-tls-cert", pem.certificate().toString(), "--webui-tls-key",
                pem.key().toString(), "--webui-hostname", "photos.example", "--webui-trusted-proxy", "127.0.0.1")
                .env("WEBUI_PASSWORD", LOGIN).start()) {
            run.await("the login page", Duration.ofSeconds(90), () -> body(https, get(page)).contains("login-password"));
            String cookie;
            try (Response login = https.newCall(new Request.Builder().url(page + "login")
                    .header("Origin", "https://127.0.0.1:" + port)
                    .post(new FormBody.Builder().add("password", LOGIN).build()).build()).execute()) {
                assertThat(login.code()).isEqualTo(303);
                cookie = login.header("Set-Cookie");
            }
            assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Secure");
            String session = cookie.substring(0, cookie.indexOf(';'));

            Request.Builder viaProxy = get(page).header("Cookie", session).header("X-Forwarded-Proto", "https");
            assertThat(status(https, viaProxy.header("X-Forwarded-Host", "evil.example").build()))
                    .as("a name the page does not answer, forwarded").isEqualTo(403);
            run.await("the code form", Duration.ofSeconds(90), () -> body(https, get(page).header("Cookie", session)
                    .header("X-Forwarded-Host", "photos.example").header("X-Forwarded-Proto", "https"))
                    .contains("id=\"code\""));
            Request code = new Request.Builder().url(page + "code").header("Cookie", session)
                    .header("X-Forwarded-Host", "photos.example").header("X-Forwarded-Proto", "https")
                    .header("Origin", "https://photos.example")
                    .post(new FormBody.Builder().add("code", apple.get().mfaCode()).build()).build();
            assertThat(status(https, code)).isEqualTo(303);

            JarProcess.Result result = run.awaitExit(Duration.ofSeconds(90));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("Web UI on " + page + " (login required)").doesNotContain(LOGIN);
        }
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
    }

    private static JarProcess sync(String name, String user, Path photos, String... flags) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--username", user, "--password",
                PASSWORD, "--domain", apple.get().baseUrl(), "--cookie-directory",
                work.resolve("cookies-" + name).toString(), "-d", photos.toString(), "--no-progress-bar"));
        args.addAll(java.util.List.of(flags));
        return JarProcess.jar(work, args.toArray(String[]::new));
    }

    private static Request.Builder get(String url) {
        return new Request.Builder().url(url);
    }

    private static String body(OkHttpClient http, Request.Builder request) {
        try (Response response = http.newCall(request.build()).execute()) {
            return response.body().string();
        } catch (java.io.IOException notYet) {
            return "";
        }
    }

    private static int status(OkHttpClient http, Request request) throws java.io.IOException {
        try (Response response = http.newCall(request).execute()) {
            return response.code();
        }
    }
}
