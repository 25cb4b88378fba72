package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.ReceivedRequest;
import io.github.camelicloud.testing.RecordingHttpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import io.github.camelicloud.testing.TelegramBotApi;
import io.github.camelicloud.testing.TelegramBotApiExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar's notifications, in a process of its own against the simulator: a run's webhook events, its
 * healthchecks-style pings and a Telegram message (camel-telegram from the shaded jar) arrive at servers started
 * here; a run that fails pings /fail, posts pass-failed and exits 1.
 */
class JarNotifyIT {

    private static final String USER = "jar-notify@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(3).seed(31).account(USER + ":pw:nomfa"));
    @RegisterExtension
    final RecordingHttpExtension hooks = new RecordingHttpExtension();
    @RegisterExtension
    final TelegramBotApiExtension telegram = new TelegramBotApiExtension();

    @TempDir
    Path work;

    @Test
    void aRunPostsItsEventsAndPingsAndAFailedRunSaysSo() throws Exception {
        Path photos = work.resolve("photos");
        JarProcess.Result ok = run("pw", "cookies", "--directory", photos.toString(), "--notify-telegram-chat", "99",
                "--notify-telegram-api", telegram.get().baseUrl(), "--notify-events", "pass-finished")
                .env("TELEGRAM_BOT_TOKEN", TelegramBotApi.TOKEN).run();
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.get().manifest(USER));
        int files = StoredFile.under(photos).size();

        List<JsonNode> events = hooks.get().json("/hook");
        assertThat(events).extracting(e -> e.path("event").asText()).containsExactly("pass-started", "pass-finished");
        JsonNode finished = events.get(1);
        assertThat(finished.path("account").asText()).isEqualTo(USER);
        assertThat(finished.path("delivered").asInt()).isEqualTo(files);
        assertThat(finished.path("already").asInt()).isZero();
        assertThat(finished.path("failed").asInt()).isZero();
        assertThat(hooks.get().requests("/ping")).extracting(ReceivedRequest::path)
                .containsExactly("/ping/run-1/start", "/ping/run-1");
        assertThat(telegram.get().sent()).singleElement().satisfies(m -> {
            assertThat(m.chatId()).isEqualTo("99");
            assertThat(m.text()).contains(files + " delivered");
        });
        assertThat(ok.output()).doesNotContain(TelegramBotApi.TOKEN).doesNotContain("/ping/run-1");

        // a session of its own: the first run's would sign in without the password
        JarProcess.Result failed = run("wrong-password", "cookies-failed", "--directory",
                work.resolve("failed").toString()).run();
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        List<JsonNode> after = hooks.get().json("/hook");
        assertThat(after).hasSize(3);
        assertThat(after.get(2).path("event").asText()).isEqualTo("pass-failed");
        assertThat(after.get(2).path("account").asText()).isEqualTo(USER);
        assertThat(after.get(2).path("action").asText()).contains("password");
        assertThat(hooks.get().requests("/ping")).extracting(ReceivedRequest::path).last().isEqualTo("/ping/run-1/fail");
    }

    private JarProcess run(String password, String cookies, String... more) {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", password, "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve(cookies).toString(), "--no-progress-bar",
                "--notify-webhook", hooks.get().url("/hook"), "--notify-ping", hooks.get().url("/ping/run-1")));
        args.addAll(List.of(more));
        return JarProcess.jar(work, args.toArray(String[]::new));
    }
}
