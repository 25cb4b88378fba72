package io.github.camelicloud.app;

import io.github.camelicloud.component.ICloudConstants;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the user's {@code --notification-script} for an MFA alert, with the alert in its environment. What
 * it prints is logged; a failure (cannot start, non-zero exit, hangs) is logged and never stops the sync.
 */
final class NotificationScript implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationScript.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final Path script;

    NotificationScript(Path script) {
        this.script = script;
    }

    @Override
    public void process(Exchange exchange) {
        Message m = exchange.getMessage();
        ProcessBuilder builder = new ProcessBuilder(script.toAbsolutePath().toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("ICLOUD_PASSWORD"); // the script learns what happened, not the secrets of this process
        env.remove("SMTP_PASSWORD");
        env.remove("TELEGRAM_BOT_TOKEN"); // and the notification channels' tokens
        env.remove("NTFY_TOKEN");
        env.remove(Utf8Relaunch.ARGUMENTS); // the command line, --password included
        env.put("ICLOUD_USERNAME", m.getHeader(ICloudConstants.USERNAME, "", String.class));
        env.put("ICLOUD_EVENT", m.getHeader(ICloudConstants.MFA_EVENT, "", String.class));
        Instant expiry = m.getHeader(ICloudConstants.TRUST_EXPIRES_AT, Instant.class);
        env.put("ICLOUD_TRUST_EXPIRES_AT", expiry == null ? "" : expiry.toString());
        env.put("ICLOUD_MESSAGE", m.getHeader(ICloudConstants.MFA_SUBJECT, "", String.class));
        env.put("ICLOUD_REAUTH_COMMAND", m.getHeader(ICloudConstants.REAUTHENTICATION_COMMAND, "", String.class));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            Thread output = new Thread(() -> logOutput(process), "notification-script");
            output.setDaemon(true); // a script that hangs with its output open must not hold the sync
            output.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            output.join(1000); // its last lines before the verdict
            if (!finished) {
                process.destroyForcibly();
                LOG.warn("The notification script {} did not finish within {} s and was stopped", script,
                        TIMEOUT_SECONDS);
            } else if (process.exitValue() != 0) {
                LOG.warn("The notification script {} failed with exit code {} for the {} alert", script,
                        process.exitValue(), env.get("ICLOUD_EVENT"));
            } else {
                LOG.info("Ran the notification script {} for the {} alert", script, env.get("ICLOUD_EVENT"));
            }
        } catch (IOException e) {
            LOG.warn("Could not run the notification script {}: {}. Check the path and that it is executable",
                    script, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void logOutput(Process process) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                LOG.info("{}: {}", script.getFileName(), line);
            }
        } catch (IOException e) {
            LOG.debug("Output of {} ended: {}", script, e.getMessage());
        }
    }
}
