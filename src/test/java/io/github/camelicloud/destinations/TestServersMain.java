package io.github.camelicloud.destinations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The test S3 (S3Proxy, blobs as plain files) and SFTP (MINA SSHD) servers as a process of their own, for scripts
 * (scripts/crash-check.sh): {@code java -cp <test classpath> io.github.camelicloud.destinations.TestServersMain DIR
 * BUCKET}. Writes {@code DIR/servers.env} (S3_ENDPOINT, S3_BLOBS, SFTP_PORT, SFTP_ROOT, SFTP_USER, SFTP_PASSWORD,
 * KNOWN_HOSTS) once both listen on 127.0.0.1, then serves until killed.
 */
public final class TestServersMain {

    private TestServersMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TestServersMain DIR BUCKET");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        Path blobs = dir.resolve("s3-blobs");
        S3TestServer s3 = new S3TestServer(blobs);
        s3.createBucket(args[1]);
        SftpTestServer sftp = new SftpTestServer(dir);
        Path knownHosts = sftp.knownHosts(dir.resolve("known_hosts"));
        Path env = dir.resolve("servers.env");
        Files.writeString(dir.resolve("servers.env.tmp"), "S3_ENDPOINT=" + s3.endpoint() + "\nS3_BLOBS=" + blobs
                + "\nSFTP_PORT=" + sftp.port() + "\nSFTP_ROOT=" + sftp.root() + "\nSFTP_USER=" + SftpTestServer.USER
                + "\nSFTP_PASSWORD=" + SftpTestServer.PASSWORD + "\nKNOWN_HOSTS=" + knownHosts + "\n");
        Files.move(dir.resolve("servers.env.tmp"), env, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("S3 at " + s3.endpoint() + " (bucket " + args[1] + "), SFTP at 127.0.0.1:" + sftp.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                sftp.close();
                s3.close();
            } catch (Exception e) {
                System.err.println("stopping the test servers: " + e);
            }
        }));
        new CountDownLatch(1).await();
    }
}
