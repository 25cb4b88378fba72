package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.testing.ReceivedRequest;
import io.github.camelicloud.testing.RecordingHttpExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.List;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Camel application's notifications: application.properties' {@code notify.*} settings send the bundled routes'
 * pass events and MFA alerts to a webhook and a ping URL (a real HTTP server here records them), as the CLI's
 * {@code --notify-*} flags do.
 */
class AppNotificationsTest {

    private static final String USER = "app-notify@example.com";
    private static final String EXPIRING = "app-expiring@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(2).seed(5).account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final SimulatorExtension expiring = SimulatorExtension.of(b -> b.assets(2).seed(6)
            .account(EXPIRING + ":pw:mfa,trust-days=2"));
    @RegisterExtension
    final RecordingHttpExtension hooks = new RecordingHttpExtension();

    @TempDir
    Path work;

    @Test
    void applicationPropertiesSendTheEventsOfEachPass() throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.addOverrideProperty("icloud.username", USER);
        main.addOverrideProperty("icloud.password", "pw");
        main.addOverrideProperty("icloud.domain", apple.get().baseUrl());
        main.addOverrideProperty("icloud.cookie-directory", work.resolve("cookies").toString());
        main.addOverrideProperty("icloud.skip-live-photos", "true");
        main.addOverrideProperty("file.directory", work.resolve("photos").toString());
        main.addOverrideProperty("notify.webhook.urls", hooks.get().url("/hook"));
        main.addOverrideProperty("notify.ping.urls", hooks.get().url("/ping"));
        main.start();
        try {
            hooks.get().await("pass-finished", r -> r.stream().anyMatch(q -> q.body().contains("pass-finished")));
        } finally {
            main.stop();
        }
        List<JsonNode> events = hooks.get().json("/hook");
        assertThat(events).extracting(e -> e.path("event").asText()).containsExactly("pass-started", "pass-finished");
        assertThat(events.get(1).path("account").asText()).isEqualTo(USER);
        assertThat(events.get(1).path("delivered").asInt()).isEqualTo(2);
        assertThat(hooks.get().requests("/ping")).extracting(ReceivedRequest::path).containsExactly("/ping/start", "/ping");
    }

    @Test
    void theMfaAlertsReachTheNotifyChannelsToo() throws Exception {
        Path cookies = signedIn();
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.addOverrideProperty("icloud.username", EXPIRING);
        main.addOverrideProperty("icloud.password", "pw");
        main.addOverrideProperty("icloud.domain", expiring.get().baseUrl());
        main.addOverrideProperty("icloud.cookie-directory", cookies.toString());
        main.addOverrideProperty("file.directory", work.resolve("photos").toString());
        main.addOverrideProperty("notify.webhook.urls", hooks.get().url("/hook"));
        main.start();
        try {
            hooks.get().await("pass-finished", r -> r.stream().anyMatch(q -> q.body().contains("pass-finished")));
        } finally {
            main.stop();
        }
        assertOneExpiringAlert(); // without icloud.mfa-alert-uri (no mail)
    }

    /** The CLI's --notify-* channels hear the same alert, the same way (the routes' pass listeners). */
    @Test
    void theCliSendsTheSameMfaAlert() throws Exception {
        Path cookies = signedIn();
        CliRun run = CliRun.of("", "--username", EXPIRING, "--password", "pw", "--domain", expiring.get().baseUrl(),
                "--cookie-directory", cookies.toString(), "--directory", work.resolve("photos").toString(),
                "--no-progress-bar", "--notify-webhook", hooks.get().url("/hook"),
                "--notify-ntfy", hooks.get().url("/ntfy"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertOneExpiringAlert();
        assertThat(hooks.get().requests("/ntfy")).extracting(r -> r.header("Tags")).containsExactly("mfa-expiring");
    }

    private Path signedIn() {
        Path cookies = work.resolve("cookies");
        CliRun signIn = CliRun.of(expiring.get().mfaCode() + "\n", "--username", EXPIRING, "--password", "pw",
                "--domain", expiring.get().baseUrl(), "--cookie-directory", cookies.toString(), "--auth-only");
        assertThat(signIn.exitCode()).as(signIn.output()).isZero();
        return cookies;
    }

    private void assertOneExpiringAlert() {
        List<JsonNode> alerts = hooks.get().json("/hook").stream()
                .filter(e -> e.path("event").asText().startsWith("mfa-")).toList();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("event").asText()).isEqualTo("mfa-expiring");
        assertThat(alerts.get(0).path("account").asText()).isEqualTo(EXPIRING);
        assertThat(alerts.get(0).path("trustExpiresAt").asText()).isNotEmpty();
        assertThat(alerts.get(0).path("reauthenticationCommand").asText()).contains("--username " + EXPIRING);
    }
}
