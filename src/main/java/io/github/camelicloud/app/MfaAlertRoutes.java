package io.github.camelicloud.app;

import io.github.camelicloud.component.ICloudMfaAlerts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.component.mail.MailConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one account's MFA alerts go: {@code direct:icloud-mfa-alert<suffix>} runs the notification script and hands
 * the alert to the bundled mail route (the --notify-* channels hear it through the routes' pass listeners) ({@code routes/icloud-mfa-alert.camel.yaml}, loaded from the jar by {@link
 * BundledRoutes} with {@link #mailProperties()} as its properties). Each account has its own routes (suffix
 * {@code -1}, {@code -2}, ... with several {@code --username}; none with one) and its own mail component, so each may
 * mail through its own server, as icloudpd's per-account {@code --smtp-*}. A mail that cannot be sent is one log
 * line; the sync goes on.
 */
final class MfaAlertRoutes extends RouteBuilder {

    static final String ALERTS = "direct:icloud-mfa-alert";
    static final String MAIL_ROUTE = "classpath:routes/icloud-mfa-alert.camel.yaml";
    private static final String MAIL = "direct:icloud-mfa-alert-mail";
    /** The mail component of an account's alerts (its own: the SMTP password is set on it, never in a URI). */
    private static final String MAIL_COMPONENT = "icloud-alert-mail";
    private static final Logger LOG = LoggerFactory.getLogger(MfaAlertRoutes.class);

    private final NotificationOptions options;
    private final String suffix;
    MfaAlertRoutes(NotificationOptions options, String suffix) {
        this.options = options;
        this.suffix = suffix;
    }

    /** The endpoint the account's consumers send their alerts to. */
    String uri() {
        return ALERTS + suffix;
    }

    /** The bundled mail route's properties for this account; empty when it mails nothing. */
    Map<String, String> mailProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (options.mailEnabled()) {
            properties.put("smtp.scheme", MAIL_COMPONENT + suffix);
            properties.put("smtp.host", options.smtpHost);
            properties.put("smtp.port", String.valueOf(options.smtpPort));
            properties.put("smtp.starttls", String.valueOf(!options.smtpNoTls));
            if (options.smtpUsername != null) {
                properties.put("smtp.username", options.smtpUsername);
            }
            properties.put("notification.email", options.recipient());
            properties.put("notification.email-from", options.sender());
        }
        return properties;
    }

    @Override
    public void addRoutesToCamelContext(CamelContext camel) throws Exception {
        if (options.mailEnabled()) {
            MailComponent mail = new MailComponent(camel);
            MailConfiguration config = mail.getConfiguration();
            config.configureProtocol(options.implicitTls() ? "smtps" : "smtp");
            config.setIgnoreUriScheme(true); // the scheme names this component, not the protocol
            options.password().ifPresent(config::setPassword);
            camel.addComponent(MAIL_COMPONENT + suffix, mail);
        }
        super.addRoutesToCamelContext(camel);
    }

    @Override
    public void configure() {
        if (!options.routed()) {
            return; // neither mail nor a script: the consumers log the MFA state (and tell the --notify-* channels)
        }
        var route = from(uri()).routeId("icloud-mfa-alert" + suffix);
        if (options.notificationScript != null) {
            route.process(new NotificationScript(options.notificationScript));
        }
        if (options.mailEnabled()) {
            route.doTry()
                    .to(MAIL + suffix)
                .doCatch(Exception.class)
                    .process(this::mailFailed)
                .end();
        }
    }

    private void mailFailed(Exchange exchange) {
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("Could not mail the {} alert to {} via {}: {}. Check --smtp-host/--smtp-port, --smtp-username and"
                + " --smtp-password (port 465 is implicit TLS; --smtp-no-tls for servers without STARTTLS)."
                + " Syncing goes on.", exchange.getMessage().getHeader("CamelICloudMfaEvent"), options.recipient(),
                options.server(), ICloudMfaAlerts.rootMessage(error));
    }
}
