package io.github.camelicloud.destinations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Apache MINA SSHD with SFTP in the test JVM on 127.0.0.1, password login, chrooted to a temporary
 * folder. It can be stopped and started again on the same port with the same host key.
 */
public final class SftpTestServer implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "s3cr3t";

    private final Path root;
    private final Path hostKey;
    private SshServer sshd;
    private int port;

    public SftpTestServer(Path work) throws IOException {
        this.root = Files.createDirectories(work.resolve("sftp-root"));
        this.hostKey = work.resolve("sftp-hostkey.ser");
        start();
    }

    public synchronized void start() throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        sshd.setPasswordAuthenticator((u, p, s) -> USER.equals(u) && PASSWORD.equals(p));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        port = sshd.getPort();
    }

    public synchronized void stop() throws IOException {
        sshd.stop(true);
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    /** A known_hosts file that trusts this server's host key. */
    public Path knownHosts(Path file) throws Exception {
        KeyPair key = sshd.getKeyPairProvider().loadKeys(null).iterator().next();
        Files.writeString(file, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
        return file;
    }

    /** Every file under {@code folder} of the server: relative path, size and SHA-256. */
    public List<StoredFile> files(String folder) throws Exception {
        return StoredFile.under(root.resolve(folder));
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
