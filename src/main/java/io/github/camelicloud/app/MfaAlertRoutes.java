package io.github.camelicloud.app;

import io.github.camelicloud.component.ICloudMfaAlerts;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailComponent;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the CLI's MFA alerts go: {@code direct:icloud-mfa-alert} runs the notification script and hands the
 * alert to the bundled mail route ({@code routes/icloud-mfa-alert.camel.yaml}, loaded from the jar), with
 * the --smtp-* flags as its properties. A mail that cannot be sent is one log line; the sync goes on.
 */
final class MfaAlertRoutes extends RouteBuilder {

    static final String ALERTS = "direct:icloud-mfa-alert";
    static final String MAIL_ROUTE = "classpath:routes/icloud-mfa-alert.camel.yaml";
    private static final String MAIL = "direct:icloud-mfa-alert-mail";
    private static final Logger LOG = LoggerFactory.getLogger(MfaAlertRoutes.class);

    private final NotificationOptions options;
    private final Optional<Processor> channels;

    MfaAlertRoutes(NotificationOptions options, Optional<Processor> channels) {
        this.options = options;
        this.channels = channels;
    }

    @Override
    public void addRoutesToCamelContext(CamelContext camel) throws Exception {
        if (options.mailEnabled()) {
            PropertiesComponent properties = camel.getPropertiesComponent();
            properties.addOverrideProperty("smtp.scheme", options.implicitTls() ? "smtps" : "smtp");
            properties.addOverrideProperty("smtp.host", options.smtpHost);
            properties.addOverrideProperty("smtp.port", String.valueOf(options.smtpPort));
            properties.addOverrideProperty("smtp.starttls", String.valueOf(!options.smtpNoTls));
            if (options.smtpUsername != null) {
                properties.addOverrideProperty("smtp.username", options.smtpUsername);
            }
            properties.addOverrideProperty("notification.email", options.recipient());
            properties.addOverrideProperty("notification.email-from", options.sender());
            String scheme = options.implicitTls() ? "smtps" : "smtp";
            // on the component, not in the URI: endpoint URIs end up in logs, JMX and error messages
            options.password().ifPresent(p -> camel.getComponent(scheme, MailComponent.class).getConfiguration()
                    .setPassword(p));
            PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel)
                    .resolveResource(MAIL_ROUTE));
        }
        super.addRoutesToCamelContext(camel);
    }

    @Override
    public void configure() {
        if (!options.enabled()) {
            return; // no alerts asked for: the consumers only log the MFA state
        }
        var route = from(ALERTS).routeId("icloud-mfa-alert");
        if (options.notificationScript != null) {
            route.process(new NotificationScript(options.notificationScript));
        }
        channels.ifPresent(route::process); // the --notify-* channels (they log their own failures)
        if (options.mailEnabled()) {
            route.doTry()
                    .to(MAIL)
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
