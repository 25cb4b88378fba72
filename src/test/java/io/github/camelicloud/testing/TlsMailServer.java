package io.github.camelicloud.testing;

import io.github.camelicloud.simulator.hosts.SimulatorCa;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An SMTP server (SubEtha SMTP) on 127.0.0.1 and a free port that only takes mail over TLS, as most real mail
 * servers do: {@link Mode#STARTTLS} (plain connection upgraded before the login, the usual port 587) or
 * {@link Mode#SMTPS} (TLS from the first byte, port 465). Its certificate is for {@code localhost}, signed by a CA
 * made for this server alone: the client trusts it only through {@link #trustStore(Path)}, set by the test. The
 * login is {@link MailServers#USER}/{@link MailServers#PASSWORD}.
 */
public final class TlsMailServer implements AutoCloseable {

    public enum Mode { STARTTLS, SMTPS }

    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final SimulatorCa certificate = SimulatorCa.create(List.of("localhost"));
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    public TlsMailServer(Mode mode) {
        SMTPServer.Builder builder = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost").requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!MailServers.USER.equals(user) || !MailServers.PASSWORD.equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .messageHandler((context, from, to, data) -> received.add(data));
        if (mode == Mode.STARTTLS) {
            builder.enableTLS().requireTLS().startTlsSocketFactory(certificate.serverContext());
        } else {
            builder.serverSocketFactory(certificate.serverContext());
        }
        server = builder.build();
        server.start();
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** A PKCS12 trust store holding this server's CA ({@link #TRUST_STORE_PASSWORD}), for javax.net.ssl.trustStore. */
    public Path trustStore(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("mail-ca", certificate.caCertificate());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TRUST_STORE_PASSWORD.toCharArray());
        }
        return file;
    }

    /** The JVM options that make a jar trust this server (and only the CAs of the store). */
    public List<String> trustOptions(Path file) throws Exception {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore(file), "-Djavax.net.ssl.trustStorePassword="
                + TRUST_STORE_PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    /** The mails received so far, one per recipient. */
    public MimeMessage[] receivedMessages() {
        Session session = Session.getInstance(new Properties());
        return received.stream().map(bytes -> {
            try {
                return new MimeMessage(session, new ByteArrayInputStream(bytes));
            } catch (MessagingException e) {
                throw new IllegalStateException("not a mail: " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }).toArray(MimeMessage[]::new);
    }

    @Override
    public void close() {
        server.stop();
    }
}
