package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.MfaRequiredException;
import io.github.camelicloud.client.PasswordRequiredException;
import io.github.camelicloud.client.mfa.MfaAlert;
import io.github.camelicloud.client.mfa.MfaState;
import io.github.camelicloud.client.mfa.MfaStateMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel side of an account's {@link MfaStateMonitor}: the consumers tell it how their polls went, and
 * each alert the monitor hands out is logged and sent, once, to the endpoint's {@code mfaAlertUri}. A
 * failed delivery (mail server down, wrong SMTP password) is logged in one line and never fails the sync.
 * One instance per account and session file, shared by every consumer of the account (see
 * {@link ICloudComponent}).
 */
public final class ICloudMfaAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudMfaAlerts.class);

    private final MfaStateMonitor monitor;

    ICloudMfaAlerts(ICloudClient client, int warningDays) {
        this.monitor = new MfaStateMonitor(client.username(), Duration.ofDays(Math.max(0, warningDays)),
                client.alertState(), Clock.systemUTC());
    }

    /** iCloud answered a poll: the trust's expiry decides between OK and EXPIRING_SOON. */
    void working(ICloudEndpoint endpoint, Optional<Instant> trustExpiresAt) {
        monitor.working(trustExpiresAt).ifPresent(alert -> send(endpoint, alert));
    }

    /** A poll failed; only a sign-in that needs the user (a code or a password) is an MFA alert. */
    void failed(ICloudEndpoint endpoint, Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof MfaRequiredException || e instanceof PasswordRequiredException) {
                monitor.reauthenticationRequired(e.getMessage()).ifPresent(alert -> send(endpoint, alert));
                return;
            }
        }
    }

    MfaState state() {
        return monitor.state();
    }

    private void send(ICloudEndpoint endpoint, MfaAlert alert) {
        ICloudConfiguration config = endpoint.getConfiguration();
        String uri = config.getMfaAlertUri();
        if (alert.state() == MfaState.EXPIRING_SOON) {
            LOG.warn("{}. Re-authenticate before then: {}", alert.subject(), alert.reauthenticationCommand());
        } else {
            LOG.error("{}. Sign in again with: {}", alert.subject(), alert.reauthenticationCommand());
        }
        Exchange sent = endpoint.createExchange();
        sent.getMessage().setBody(alert.message(Optional.ofNullable(config.getMfaWebPageUrl())));
        sent.getMessage().setHeader(ICloudConstants.MFA_EVENT, alert.event());
        sent.getMessage().setHeader(ICloudConstants.MFA_STATE, alert.state());
        sent.getMessage().setHeader(ICloudConstants.USERNAME, alert.username());
        sent.getMessage().setHeader(ICloudConstants.MFA_SUBJECT, alert.subject());
        sent.getMessage().setHeader(ICloudConstants.REAUTHENTICATION_COMMAND, alert.reauthenticationCommand());
        alert.trustExpiresAt().ifPresent(t -> sent.getMessage().setHeader(ICloudConstants.TRUST_EXPIRES_AT, t));
        for (ICloudPassListener listener : endpoint.passListeners()) {
            listener.mfaAlert(sent.getMessage().copy()); // the application's notify.* channels (they never throw)
        }
        if (uri == null || uri.isBlank()) {
            return;
        }
        endpoint.getComponent(ICloudComponent.class).alertTemplate().send(uri, sent);
        if (sent.getException() != null) {
            LOG.warn("Could not deliver the {} alert for {} to {}: {}", alert.event(), alert.username(), uri,
                    rootMessage(sent.getException()));
        } else {
            LOG.debug("Handed the {} alert for {} to {}", alert.event(), alert.username(), uri);
        }
    }

    /** The innermost cause in one line: "ConnectException: Connection refused", "...: 535 Authentication failed". */
    public static String rootMessage(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().trim().replaceAll("\\s+", " ");
        return root.getClass().getSimpleName() + message;
    }
}
