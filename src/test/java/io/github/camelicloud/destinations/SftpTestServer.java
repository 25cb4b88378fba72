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
 * Apache MINA SSHD with SFTP in the test JVM on 127.0.0.1, login by password or by the client key this server
 * made ({@link #clientKey}), chrooted to a temporary folder. It can be stopped and started again on the same
 * port with the same host key.
 */
public final class SftpTestServer implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "s3cr3t";

    private final Path root;
    private final Path hostKey;
    private final KeyPair clientKey;
    private SshServer sshd;
    private int port;

    public SftpTestServer(Path work) throws IOException {
        this.root = Files.createDirectories(work.resolve("sftp-root"));
        this.hostKey = work.resolve("sftp-hostkey.ser");
        try {
            java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            this.clientKey = rsa.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        start();
    }

    public synchronized void start() throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        sshd.setPasswordAuthenticator((u, p, s) -> USER.equals(u) && PASSWORD.equals(p));
        sshd.setPublickeyAuthenticator((u, key, s) -> USER.equals(u) && key.equals(clientKey.getPublic()));
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

    /** The private key this server accepts for {@link #USER}, written to {@code file} in PEM (PKCS#1). */
    public Path clientKey(Path file) throws IOException {
        try (java.io.Writer out = Files.newBufferedWriter(file);
                org.bouncycastle.openssl.jcajce.JcaPEMWriter pem = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
            pem.writeObject(clientKey);
        }
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
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
