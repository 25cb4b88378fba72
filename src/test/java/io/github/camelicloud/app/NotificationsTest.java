package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.ReceivedRequest;
import io.github.camelicloud.testing.RecordingHttpExtension;
import io.github.camelicloud.testing.RecordingHttpServer;
import io.github.camelicloud.testing.SimulatorExtension;
import io.github.camelicloud.testing.TelegramBotApi;
import io.github.camelicloud.testing.TelegramBotApiExtension;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications end to end: the CLI syncs from the simulator and a real HTTP server records what each channel sent
 * (the webhook's JSON, ntfy's messages, the pings) while a local Bot API server plays Telegram.
 */
class NotificationsTest {

    private static final String USER = "notify@example.com";
    private static final String WATCHED = "watched@example.com";
    private static final String NEEDS_CODE = "code@example.com";
    private static final String CHAT = "4242";
    private static final String NTFY_TOKEN = "tk_ntfy-Secret-7";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(3).seed(15)
            .account(USER + ":pw:nomfa").account(WATCHED + ":pw:nomfa")
            .account(NEEDS_CODE + ":pw:mfa"));

    @RegisterExtension
    final RecordingHttpExtension hooks = new RecordingHttpExtension();

    @RegisterExtension
    final TelegramBotApiExtension telegram = new TelegramBotApiExtension();

    @TempDir
    Path work;

    @AfterEach
    void clearFaults() {
        apple.get().clearFaults();
    }

    @Test
    void aRunTellsEveryChannelWhatItDid() throws Exception {
        RecordingHttpServer server = hooks.get();
        Path photos = work.resolve("photos");
        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "--directory", photos.toString(),
                "--no-progress-bar", "--notify-webhook", server.url("/hook"),
                "--notify-ntfy", server.url("/ntfy/photos"), "--notify-ntfy-token", NTFY_TOKEN,
                "--notify-ping", server.url("/ping/check-1"),
                "--notify-telegram-token", TelegramBotApi.TOKEN, "--notify-telegram-chat", CHAT,
                "--notify-telegram-api", telegram.get().baseUrl(), "--notify-new-photos",
                "--notify-events", "pass-finished,new-photos");
        assertThat(run.exitCode()).as(run.output()).isZero();
        long files = files(photos).size();
        assertThat(files).isPositive();

        List<JsonNode> events = server.json("/hook");
        assertThat(events).extracting(e -> e.path("event").asText())
                .containsExactly("pass-started", "pass-finished", "new-photos");
        JsonNode finished = events.get(1);
        assertThat(finished.path("account").asText()).isEqualTo(USER);
        assertThat(finished.path("delivered").asLong()).isEqualTo(files);
        assertThat(finished.path("already").asInt()).isZero();
        assertThat(finished.path("failed").asInt()).isZero();
        assertThat(finished.path("bytes").asLong()).isEqualTo(sizes(photos));
        assertThat(finished.path("destinations")).singleElement().satisfies(d -> {
            assertThat(d.path("destination").asText()).isEqualTo(photos.toString());
            assertThat(d.path("delivered").asLong()).isEqualTo(files);
        });
        assertThat(events.get(2).path("count").asLong()).isEqualTo(files);
        assertThat(server.requests("/hook")).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Content-Type")).startsWith("application/json");
        });

        List<ReceivedRequest> ntfy = server.requests("/ntfy/photos");
        assertThat(ntfy).extracting(r -> r.header("Tags")).containsExactly("pass-finished", "new-photos");
        assertThat(ntfy).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + NTFY_TOKEN));
        assertThat(ntfy.get(0).header("Title")).contains(USER).contains(files + " delivered");
        assertThat(ntfy.get(0).body()).contains(photos + ": " + files + " delivered, 0 already there");

        assertThat(server.requests("/ping")).extracting(ReceivedRequest::path)
                .containsExactly("/ping/check-1/start", "/ping/check-1");

        assertThat(telegram.get().sent()).extracting(TelegramBotApi.Sent::chatId).containsExactly(CHAT, CHAT);
        assertThat(telegram.get().sent().get(1).text()).contains(files + " new files from " + USER);

        String everything = run.output() + run.errors();
        assertThat(everything).doesNotContain(TelegramBotApi.TOKEN).doesNotContain(NTFY_TOKEN)
                .doesNotContain("/ntfy/photos").doesNotContain("/ping/check-1");
    }

    @Test
    void aFailingWatchSendsOneMessagePerFailureKindUntilItRecovers() throws Exception {
        RecordingHttpServer server = hooks.get();
        ICloudSimulator simulator = apple.get();
        simulator.injectFault(Fault.of("GET", "/B/*", 500).times(100_000)); // no file arrives
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Thread watch = new Thread(() -> Main.run(new String[] {"--username", WATCHED, "--password", "pw",
            "--domain", simulator.baseUrl(), "--cookie-directory", work.resolve("cookies").toString(),
            "--directory", work.resolve("watched").toString(), "--watch-with-interval", "1", "--max-retries", "0",
            "--retry-delay", "0", "--notify-webhook", server.url("/hook"), "--notify-ping", server.url("/ping")},
                new BufferedReader(new StringReader("")), new PrintStream(console, true, StandardCharsets.UTF_8),
                false), "watch");
        watch.start();
        try {
            server.await("three failing passes", r -> count(r, "/ping/fail") >= 3);
            assertThat(events(server)).containsOnlyOnce("destination-down").doesNotContain("pass-failed");

            simulator.clearFaults();
            simulator.injectFault(Fault.of("POST", "/database/*", 503).times(100_000)); // iCloud does not answer
            server.await("three failed passes", r -> pingsAfter(r, "pass-failed") >= 3);
            assertThat(events(server)).containsOnlyOnce("pass-failed");
            JsonNode failed = server.json("/hook").stream()
                    .filter(e -> e.path("event").asText().equals("pass-failed")).findFirst().orElseThrow();
            assertThat(failed.path("action").asText()).contains("next pass tries again");

            simulator.clearFaults();
            server.await("the recovery", r -> events(server).contains("destination-recovered"));
            assertThat(events(server)).containsOnlyOnce("pass-recovered").containsOnlyOnce("destination-down")
                    .containsOnlyOnce("pass-failed");
            JsonNode recovered = server.json("/hook").stream()
                    .filter(e -> e.path("event").asText().equals("pass-recovered")).findFirst().orElseThrow();
            assertThat(recovered.path("delivered").asInt()).isPositive();
            assertThat(recovered.path("failed").asInt()).isZero();
            assertThat(server.requests("/ping").stream().map(ReceivedRequest::path).filter("/ping"::equals))
                    .as("the success ping").isNotEmpty();
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
    }

    @Test
    void theCodeAppleAsksForComesFromTheConfiguredChatOnly() throws Exception {
        TelegramBotApi bot = telegram.get();
        Path photos = work.resolve("code");
        CliRun[] run = new CliRun[1];
        Thread sync = new Thread(() -> run[0] = CliRun.of("", "--username", NEEDS_CODE, "--password", "pw",
                "--domain", apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(),
                "--directory", photos.toString(), "--no-progress-bar", "--mfa-provider", "telegram",
                "--notify-telegram-token", TelegramBotApi.TOKEN, "--notify-telegram-chat", CHAT,
                "--notify-telegram-api", bot.baseUrl()), "sync");
        sync.start();
        try {
            bot.awaitSent("Reply to this chat with the 6-digit code");
            assertThat(bot.sent().get(0).text()).contains(NEEDS_CODE);
            // someone else who found the bot answers first: not taken
            bot.userWrites("777", apple.get().mfaCode());
            int polls = getUpdates(bot);
            bot.server().await("the bot reading the stranger's message", r -> getUpdates(bot) >= polls + 2);
            assertThat(bot.sent()).noneMatch(m -> m.text().contains("Code received"));
            bot.userWrites(CHAT, apple.get().mfaCode());
            sync.join(60_000);
        } finally {
            sync.interrupt();
            sync.join(30_000);
        }
        assertThat(run[0].exitCode()).as(run[0].output()).isZero();
        assertThat(run[0].output()).contains("Ignored a Telegram message from chat 777");
        assertThat(files(photos)).isNotEmpty();
        assertThat(bot.sent()).extracting(TelegramBotApi.Sent::chatId).containsOnly(CHAT);
        assertThat(bot.sent()).anyMatch(m -> m.text().contains("Code received"));
        assertThat(run[0].output() + run[0].errors()).doesNotContain(TelegramBotApi.TOKEN)
                .doesNotContain(apple.get().mfaCode());
    }

    private static int getUpdates(TelegramBotApi bot) {
        return (int) bot.server().requests().stream().filter(r -> r.path().endsWith("/getUpdates")).count();
    }

    /** The ping calls since the first webhook event of {@code kind}. */
    private static long pingsAfter(List<ReceivedRequest> received, String kind) {
        int first = -1;
        for (int i = 0; i < received.size(); i++) {
            if (received.get(i).path().equals("/hook") && received.get(i).body().contains("\"" + kind + "\"")) {
                first = i;
                break;
            }
        }
        return first < 0 ? 0 : received.subList(first, received.size()).stream()
                .filter(r -> r.path().equals("/ping/fail")).count();
    }

    private static long count(List<ReceivedRequest> received, String path) {
        return received.stream().filter(r -> r.path().equals(path)).count();
    }

    private static List<String> events(RecordingHttpServer server) {
        return server.json("/hook").stream().map(e -> e.path("event").asText()).toList();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static long sizes(Path root) throws IOException {
        long total = 0;
        for (Path f : files(root)) {
            total += Files.size(f);
        }
        return total;
    }
}
