package io.github.camelicloud.app;

import io.github.camelicloud.component.ICloudConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * MFA-expiry alerts: icloudpd's mail flags (same names and defaults), a notification script, and how early
 * to warn. The SMTP password is only handed to the mail component, never to a URI, a log or a message.
 */
final class NotificationOptions {

    @Option(names = "--smtp-username", paramLabel = "USER",
            description = "SMTP login for the MFA alert mails; also their default recipient")
    String smtpUsername;

    @Option(names = "--smtp-password", paramLabel = "PASSWORD", description = "SMTP password (default: SMTP_PASSWORD)")
    String smtpPassword;

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "smtp.gmail.com",
            description = "SMTP server. Default: ${DEFAULT-VALUE}")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "587",
            description = "SMTP port; 465 means implicit TLS (SMTPS). Default: ${DEFAULT-VALUE}")
    int smtpPort;

    @Option(names = "--smtp-no-tls", description = "Send without STARTTLS (or SMTPS)")
    boolean smtpNoTls;

    @Option(names = "--notification-email", paramLabel = "ADDRESS",
            description = "Where MFA alerts are mailed (default: the --smtp-username)")
    String notificationEmail;

    @Option(names = "--notification-email-from", paramLabel = "ADDRESS",
            description = "Sender of the MFA alerts (default: camel-icloud <SMTP username>)")
    String notificationEmailFrom;

    @Option(names = "--notification-script", paramLabel = "PATH",
            description = "Run this program on MFA alerts, with ICLOUD_USERNAME, ICLOUD_EVENT (mfa-expiring or"
                    + " mfa-required), ICLOUD_TRUST_EXPIRES_AT and ICLOUD_MESSAGE in its environment")
    Path notificationScript;

    @Option(names = "--mfa-expiry-warning-days", paramLabel = "DAYS", defaultValue = "7",
            description = "Alert this many days before the MFA trust expires. Default: ${DEFAULT-VALUE}")
    int mfaExpiryWarningDays;

    /** Whether --notify-* channels are up (they hear the MFA alerts through the routes' pass listeners). */
    private boolean channels;

    void alsoNotify(boolean channels) {
        this.channels = channels;
    }

    /** icloudpd mails when a login or a recipient is given. */
    boolean mailEnabled() {
        return smtpUsername != null || notificationEmail != null;
    }

    /** Someone hears the alerts: a sign-in that needs the user does not end the run. */
    boolean enabled() {
        return routed() || channels;
    }

    /** The alerts go through the account's alert route (mail, script). */
    boolean routed() {
        return mailEnabled() || notificationScript != null;
    }

    void validate() {
        if (smtpHost == null || smtpHost.isBlank()) {
            throw new IllegalArgumentException("--smtp-host must name the mail server, e.g. smtp.gmail.com");
        }
        if (notificationScript != null && !Files.isExecutable(notificationScript)) {
            throw new IllegalArgumentException("--notification-script " + notificationScript + " is not an"
                    + " executable file (chmod +x it, or give the right path)");
        }
        if (mailEnabled() && recipient().isEmpty()) {
            throw new IllegalArgumentException("--notification-email needs an address (or give --smtp-username)");
        }
    }

    /** Alerts go to the account's {@code routes}; the warning period applies even without alerts (logs). */
    void applyTo(ICloudConfiguration config, MfaAlertRoutes routes) {
        config.setMfaExpiryWarningDays(mfaExpiryWarningDays);
        if (routed()) {
            config.setMfaAlertUri(routes.uri());
        }
    }

    /** The account's alert routes; {@code suffix} tells them from other accounts' ({@code -2}), empty with one. */
    MfaAlertRoutes routes(String suffix) {
        return new MfaAlertRoutes(this, suffix);
    }

    String recipient() {
        return notificationEmail != null ? notificationEmail : Optional.ofNullable(smtpUsername).orElse("");
    }

    /** icloudpd's default sender: "iCloud Photos Downloader <login>", here with our name. */
    String sender() {
        if (notificationEmailFrom != null) {
            return notificationEmailFrom;
        }
        return smtpUsername != null ? "camel-icloud <" + smtpUsername + ">" : recipient();
    }

    /** Port 465 is SMTP over TLS from the first byte; other ports upgrade with STARTTLS. */
    boolean implicitTls() {
        return smtpPort == 465 && !smtpNoTls;
    }

    Optional<String> password() {
        if (smtpPassword != null && !smtpPassword.isEmpty()) {
            return Optional.of(smtpPassword);
        }
        return Optional.ofNullable(System.getenv("SMTP_PASSWORD")).filter(p -> !p.isEmpty());
    }

    /** Where the mail goes, for messages: host and port, never the password. */
    String server() {
        return (implicitTls() ? "smtps://" : "smtp://") + smtpHost + ":" + smtpPort;
    }
}
