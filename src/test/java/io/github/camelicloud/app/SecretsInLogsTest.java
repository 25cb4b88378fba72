package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** With TRACE logging on, no password, session token, trust token or cookie value reaches a log line. */
class SecretsInLogsTest {

    private static final String PASSWORD = "Tr0ub4dor&3-secret";

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.account("user@example.com:" + PASSWORD
            + ":mfa"));

    @TempDir
    Path cookies;

    @Test
    void traceLogsHoldNoSecrets() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        String output;
        try {
            ICloudSimulator apple = simulator.get();
            output = run(apple, apple.mfaCode() + "\n").output();
            apple.expireSessions(); // forces a second SRP sign-in that offers the trust token
            output += run(apple, "").output();
            output += CliRun.of("", "--username", "user@example.com", "--password", "wrong-" + PASSWORD,
                    "--cookie-directory", cookies.resolve("other").toString(), "--domain", apple.baseUrl(),
                    "--auth-only", "--log-level", "trace").output();
        } finally {
            root.detachAppender(events);
            root.setLevel(before);
        }

        List<String> secrets = secretsFromSession();
        secrets.add(PASSWORD);
        assertThat(events.list).hasSizeGreaterThan(20);
        assertThat(events.list.stream().filter(e -> e.getLevel() == Level.TRACE)).isNotEmpty();
        for (ILoggingEvent e : events.list) {
            String line = e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(line).as("log line of %s", e.getLoggerName()).doesNotContain(secret);
            }
        }
        for (String secret : secrets) {
            assertThat(output).doesNotContain(secret);
        }
    }

    private CliRun run(ICloudSimulator apple, String stdin) {
        return CliRun.of(stdin, "--username", "user@example.com", "--password", PASSWORD, "--cookie-directory",
                cookies.toString(), "--domain", apple.baseUrl(), "--auth-only", "--log-level", "trace");
    }

    /** Session token, trust token, scnt, session id and every cookie value the session holds. */
    private List<String> secretsFromSession() throws Exception {
        JsonNode stored = new ObjectMapper().readTree(cookies.resolve("userexamplecom.camel-icloud.json").toFile());
        List<String> secrets = new ArrayList<>();
        for (String key : List.of("session_token", "trust_token", "scnt", "session_id")) {
            assertThat(stored.path("session").hasNonNull(key)).as(key).isTrue();
            secrets.add(stored.path("session").path(key).asText());
        }
        for (JsonNode cookie : stored.path("cookies")) {
            String value = cookie.path("value").asText().replace("\"", "");
            if (value.length() >= 12) {
                secrets.add(value);
            }
        }
        return secrets;
    }
}
