package io.github.camelicloud.bench;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/**
 * bench/cluster-300.sh's servers in one JVM, as the tests start them: the simulator with N accounts of small
 * libraries, a ZooKeeper (Curator's TestingServer, four-letter words on for {@code mntr}), an embedded PostgreSQL and
 * S3Proxy, all on free loopback ports. Writes their addresses to the file given, then runs until stdin closes.
 * <p>
 * Usage: {@code ClusterBenchServers FOLDER ACCOUNTS ASSETS}
 */
public final class ClusterBenchServers {

    private ClusterBenchServers() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int accounts = Integer.parseInt(args[1]);
        int assets = Integer.parseInt(args[2]);
        System.setProperty("zookeeper.4lw.commands.whitelist", "*");
        ICloudSimulator.Builder b = ICloudSimulator.builder().assets(assets).seed(7).srpIterations(1000);
        for (int i = 0; i < accounts; i++) {
            b.account("bench" + i + "@example.com:pw:nomfa");
        }
        try (ICloudSimulator apple = b.build().start();
                TestingServer zookeeper = new TestingServer(new InstanceSpec(Files.createDirectories(
                        folder.resolve("zookeeper")).toFile(), freePort(), -1, -1, true, -1, 2000, 2000), true);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder.resolve("postgres"))
                        .setCleanDataDirectory(true).setPort(freePort()).start();
                S3TestServer s3 = new S3TestServer(Files.createDirectories(folder.resolve("s3")))) {
            s3.createBucket("bench");
            Path out = folder.resolve("servers.env");
            Files.writeString(folder.resolve("servers.env.part"), String.join("\n",
                    "APPLE_URL=" + apple.baseUrl(),
                    "ZOOKEEPER=" + zookeeper.getConnectString(),
                    "ZOOKEEPER_PORT=" + zookeeper.getPort(),
                    "JDBC_URL='" + postgres.getJdbcUrl("postgres", "postgres") + "'",
                    "PG_PORT=" + postgres.getPort(),
                    "S3_ENDPOINT=" + s3.endpoint(),
                    "S3_ACCESS_KEY=" + S3TestServer.ACCESS_KEY,
                    "S3_SECRET_KEY=" + S3TestServer.SECRET_KEY, ""));
            Files.move(folder.resolve("servers.env.part"), out);
            System.out.println("servers up: " + out);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // until the script closes stdin
            }
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
