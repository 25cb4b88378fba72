package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail servers for the alert tests. GreenMail (its own JUnit 5 extension) on 127.0.0.1, free ports, plain SMTP and SMTPS (TLS from the first
 * byte, GreenMail's self-signed certificate), one mailbox user that must log in:
 * {@code @RegisterExtension static final GreenMailExtension mail = MailServers.smtpAndSmtps();}. For TLS with a
 * certificate the client must trust (STARTTLS, which GreenMail lacks, or SMTPS): {@link #startTls()},
 * {@link #smtps()}.
 */
public final class MailServers {

    public static final String USER = "robot@mail.test";
    public static final String PASSWORD = "smtp-Secret-42";

    private MailServers() {
    }

    /** SMTP and SMTPS, each on a free port ({@code mail.getSmtp().getPort()}, {@code mail.getSmtps().getPort()}). */
    public static GreenMailExtension smtpAndSmtps() {
        return server(ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort());
    }

    /** Plain SMTP only. */
    public static GreenMailExtension smtp() {
        return server(ServerSetupTest.SMTP.dynamicPort());
    }

    /** SMTP that takes mail only after STARTTLS, with a certificate the client trusts through the test's store. */
    public static TlsMailExtension startTls() {
        return new TlsMailExtension(TlsMailServer.Mode.STARTTLS);
    }

    /** SMTPS (TLS from the first byte), with a certificate the client trusts through the test's store. */
    public static TlsMailExtension smtps() {
        return new TlsMailExtension(TlsMailServer.Mode.SMTPS);
    }

    /**
     * The mailbox got exactly one mail, to {@code recipient}: the warning that {@code appleId}'s trust expires soon,
     * telling how to sign in again.
     */
    public static void receivedOneTrustWarning(GreenMailExtension mail, String recipient, String appleId)
            throws MessagingException {
        receivedOneTrustWarning(mail.getReceivedMessages(), recipient, appleId);
    }

    /** {@link #receivedOneTrustWarning(GreenMailExtension, String, String)} for the mails of any server. */
    public static void receivedOneTrustWarning(MimeMessage[] received, String recipient, String appleId)
            throws MessagingException {
        assertThat(received).as("the trust expires within the days warned of").hasSize(1);
        assertThat(received[0].getAllRecipients()).extracting(Object::toString).containsExactly(recipient);
        assertThat(received[0].getSubject()).startsWith("camel-icloud: Two step authentication for " + appleId
                + " expires on ");
        assertThat(GreenMailUtil.getBody(received[0])).contains("--username " + appleId + " --auth-only");
    }

    private static GreenMailExtension server(ServerSetup... setups) {
        return new GreenMailExtension(setups)
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
    }
}
