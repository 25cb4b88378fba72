package io.github.camelicloud.app.destination;

import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Message;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;

/**
 * An SFTP server through camel-ftp's {@code sftp:}: each file is streamed to {@code NAME.part} and
 * renamed when complete, folders are created as needed, and the host key is checked by default.
 */
public final class SftpDestination implements Destination {

    private final SftpSettings settings;
    private SftpEndpoint endpoint;

    public SftpDestination(SftpSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "SFTP " + settings.shown();
    }

    @Override
    public String kind() {
        return "sftp";
    }

    @Override
    public String identity() {
        return settings.shown();
    }

    @Override
    public synchronized Endpoint endpoint(CamelContext camel) {
        if (endpoint != null) {
            return endpoint; // the store and the uploads use the same settings; creating it does not connect
        }
        // the ':' keeps an empty path meaning "the login directory"; options without secrets only
        endpoint = camel.getEndpoint("sftp://" + settings.host() + ":" + settings.port() + "/" + settings.path()
                + "?autoCreate=true&binary=true&fileExist=Override&disconnectOnBatchComplete=false"
                + "&tempFileName=${file:onlyname}.part", SftpEndpoint.class);
        SftpConfiguration c = endpoint.getConfiguration();
        c.setUsername(settings.user());
        settings.password().ifPresent(c::setPassword);
        settings.privateKey().ifPresent(k -> c.setPrivateKeyFile(k.toString()));
        c.setStrictHostKeyChecking(settings.strictHostKeyChecking() ? "yes" : "no");
        settings.knownHosts().ifPresent(k -> c.setKnownHostsFile(k.toString()));
        c.setUseUserKnownHostsFile(settings.knownHosts().isEmpty());
        c.setAutoCreateKnownHostsFile(false);
        c.setConnectTimeout(10_000);
        c.setStreamDownload(true); // the store reads files back (to verify them) as streams, never into memory
        return endpoint;
    }

    @Override
    public void prepare(Message message, String relativePath) {
        // camel-ftp writes to CamelFileName, the relative path the consumer already set
    }

    @Override
    public RemoteStore store(CamelContext camel) {
        return new SftpStore((SftpEndpoint) endpoint(camel));
    }

    @Override
    public String explain(Throwable error) {
        Throwable e = DestinationErrors.root(error, JSchException.class, ConnectException.class);
        String m = DestinationErrors.firstLine(e);
        String lower = m.toLowerCase(Locale.ROOT);
        String hint;
        if (lower.contains("reject hostkey") || lower.contains("unknownhostkey") || lower.contains("hostkey")
                || lower.contains("host key")) {
            hint = "the server's host key is not known or has changed (" + m + "): add it to "
                    + settings.knownHosts().map(Object::toString).orElse("~/.ssh/known_hosts")
                    + " (ssh-keyscan -p " + settings.port() + " " + settings.host() + "), or pass --sftp-known-hosts";
        } else if (lower.contains("auth fail") || lower.contains("auth cancel") || lower.contains("authentication")) {
            hint = "authentication failed for user '" + settings.user() + "': check --sftp-password (SFTP_PASSWORD)"
                    + " or --sftp-private-key";
        } else if (lower.contains("connection refused") || lower.contains("timeout") || lower.contains("timed out")
                || lower.contains("unknownhost") || e instanceof ConnectException
                || lower.contains("session is down") || lower.contains("connection is closed")) {
            hint = "cannot reach the server (" + m + "): check the host and port and that the server runs";
        } else {
            hint = m;
        }
        return name() + ": " + hint;
    }
}
