package io.github.camelicloud.app.routes;

import io.github.camelicloud.app.destination.Destination;
import io.github.camelicloud.app.destination.SftpDestination;
import io.github.camelicloud.app.destination.SftpSettings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An SFTP server as the destination of a route: the CLI's {@link SftpDestination} — each file streamed to
 * {@code NAME.part} and renamed, folders created, the host key checked against known_hosts, a file with
 * the same path and size counts as delivered.
 */
public class SftpMirror extends RemoteMirror {

    private String host;
    private int port = 22;
    private String user;
    private String path;
    private String password;
    private String privateKey;
    private String knownHosts;
    private String strictHostKeyChecking = "yes";

    @Override
    protected Destination destination() {
        String strict = present(strictHostKeyChecking).orElse("yes").toLowerCase(Locale.ROOT);
        if (!strict.equals("yes") && !strict.equals("no")) {
            throw new IllegalArgumentException("strict host key checking must be yes or no, got "
                    + strictHostKeyChecking);
        }
        return new SftpDestination(new SftpSettings(present(host).orElse(null), port, present(user).orElse(null),
                present(path).orElse(""), present(password), present(privateKey).map(Path::of), present(knownHosts).map(Path::of),
                strict.equals("yes")));
    }

    @Override
    protected String settingsName() {
        return "destinations.sftp.*";
    }

    public void setHost(String host) {
        this.host = host;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public void setUser(String user) {
        this.user = user;
    }

    /** Relative to the login folder; absolute when it starts with '/'. */
    public void setPath(String path) {
        this.path = path;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void setPrivateKey(String privateKey) {
        this.privateKey = privateKey;
    }

    /** The known_hosts file with the server's key; blank for ~/.ssh/known_hosts. */
    public void setKnownHosts(String knownHosts) {
        this.knownHosts = knownHosts;
    }

    /** yes (default) or no. */
    public void setStrictHostKeyChecking(String strictHostKeyChecking) {
        this.strictHostKeyChecking = strictHostKeyChecking;
    }
}
