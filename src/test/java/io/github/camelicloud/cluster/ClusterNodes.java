package io.github.camelicloud.cluster;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Node JVMs of {@code target/camel-icloud.jar} as the Camel application in cluster mode, each in a folder of its own
 * with the same {@code application.properties} and one S3 route per account (bucket {@value #BUCKET}, prefix
 * {@code a<i>/}); and a look into the cluster's PostgreSQL (who leads which shard, the fenced writes).
 */
final class ClusterNodes implements AutoCloseable {

    static final String BUCKET = "cluster";
    static final int SHARDS = 24;
    static final int SESSION_TIMEOUT_MS = 8000;

    private final Path work;
    private final String zookeeper;
    private final String jdbcUrl;
    private final List<String> accounts;
    private final String appleUrl;
    private final String s3Endpoint;
    private final Map<String, JarProcess.Running> running = new LinkedHashMap<>();
    private final java.util.Set<String> stopped = new java.util.HashSet<>();
    private int restarts;

    ClusterNodes(Path work, String zookeeper, String jdbcUrl, List<String> accounts, String appleUrl,
            String s3Endpoint) {
        this.work = work;
        this.zookeeper = zookeeper;
        this.jdbcUrl = jdbcUrl;
        this.accounts = accounts;
        this.appleUrl = appleUrl;
        this.s3Endpoint = s3Endpoint;
    }

    /** The cluster's key, one file for every node (as an operator copies it to each). */
    private Path keyFile() throws IOException {
        Path key = work.resolve("cluster.key");
        if (!Files.exists(key)) {
            Files.writeString(key, KEY);
        }
        return key;
    }

    /** A fixed test key (base64 of 32 bytes). */
    static final String KEY = "q4yUV2tHy0tIrb7+qC2qR2kqsRM6sP5PB8JYbn1jWcY=";

    /** Starts node {@code id} (again, when it stopped: a supervisor's restart). */
    JarProcess.Running start(String id) throws IOException {
        Path folder = work.resolve(id);
        Files.createDirectories(folder.resolve("routes"));
        Files.writeString(folder.resolve("application.properties"), String.join("\n",
                "camel.main.name = " + id,
                "camel.main.routes-include-pattern = file:routes/*.camel.yaml",
                "icloud.cluster.zookeeper = " + zookeeper,
                "icloud.cluster.node-id = " + id,
                "icloud.cluster.shards = " + SHARDS,
                "icloud.cluster.session-timeout-ms = " + SESSION_TIMEOUT_MS,
                "icloud.cluster.key-file = " + keyFile(),
                "icloud.state.jdbc-url = " + jdbcUrl, ""));
        Files.writeString(folder.resolve("routes/accounts.camel.yaml"), routes(folder));
        JarProcess.Running node = JarProcess.jar(work).in(folder).jvm("-Xmx192m").jvm("-XX:+UseSerialGC")
                .jvm("-XX:TieredStopAtLevel=1").start();
        running.put(id, node);
        stopped.remove(id);
        return node;
    }

    /**
     * Starts node {@code id} from the command line instead ({@code --cluster-*} flags, no application.properties),
     * mirroring one account to the bucket under {@code prefix}.
     */
    JarProcess.Running startCli(String id, String account, String prefix) throws IOException {
        Path folder = work.resolve(id);
        Files.createDirectories(folder);
        JarProcess.Running node = JarProcess.jar(work, "--username", account, "--password", "pw", "--domain", appleUrl,
                "--cookie-directory", folder.resolve("cookies").toString(), "--no-progress-bar",
                "--s3-bucket", BUCKET, "--s3-prefix", prefix, "--s3-endpoint", s3Endpoint, "--s3-region", "us-east-1",
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY,
                "--state-jdbc-url", jdbcUrl, "--watch-with-interval", "2", "--cluster-zookeeper", zookeeper,
                "--cluster-node-id", id, "--cluster-shards", String.valueOf(SHARDS), "--cluster-session-timeout",
                String.valueOf(SESSION_TIMEOUT_MS / 1000), "--cluster-key-file", keyFile().toString()).in(folder).jvm("-Xmx192m").jvm("-XX:+UseSerialGC")
                .jvm("-XX:TieredStopAtLevel=1").start();
        running.put(id, node);
        stopped.remove(id);
        return node;
    }

    JarProcess.Running node(String id) {
        return running.get(id);
    }

    /** Stops the node as Ctrl-C would (a graceful leave). */
    void stop(String id) throws InterruptedException {
        stopped.add(id);
        running.get(id).close();
    }

    /**
     * Restarts, as a supervisor would, the nodes that stopped themselves (exit status {@value ClusterNode#HALT_STATUS}:
     * a lost ZooKeeper session on a machine too loaded to answer in time); returns those that exited otherwise.
     */
    List<String> superviseAndReportFailures() throws IOException {
        List<String> failed = new ArrayList<>();
        for (String id : exitedUnexpectedly()) {
            int status = running.get(id).awaitExitCode();
            if (status == ClusterNode.HALT_STATUS) {
                restarts++;
                start(id);
            } else {
                failed.add(id + " (exit " + status + ")");
            }
        }
        return failed;
    }

    /** How many times a node was restarted after it stopped itself. */
    int restarts() {
        return restarts;
    }

    /** Nodes that exited though the test did not stop them. */
    private List<String> exitedUnexpectedly() {
        return running.entrySet().stream().filter(e -> !stopped.contains(e.getKey()) && !e.getValue().isAlive())
                .map(Map.Entry::getKey).toList();
    }

    private String routes(Path folder) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < accounts.size(); i++) {
            yaml.append("""
                    - beans:
                        - name: s3a%1$d
                          type: "#class:io.github.camelicloud.app.routes.S3Mirror"
                          properties:
                            bucket: %2$s
                            prefix: a%1$d/
                            endpoint: %3$s
                            region: us-east-1
                            accessKey: %4$s
                            secretKey: %5$s
                    - route:
                        id: icloud-a%1$d
                        routePolicy: s3a%1$d
                        errorHandler:
                          noErrorHandler: {}
                        from:
                          uri: icloud:photos
                          parameters:
                            username: "%6$s"
                            password: pw
                            domain: %7$s
                            cookieDirectory: %8$s
                            delay: 2000
                            initialDelay: 500
                            maxRetries: 1
                            retryDelaySeconds: 1
                            idempotentRepository: "#s3a%1$d"
                          steps:
                            - process:
                                ref: s3a%1$d
                    """.formatted(i, BUCKET, s3Endpoint, S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY,
                    accounts.get(i), appleUrl, folder.resolve("cookies")));
        }
        return yaml.toString();
    }

    /** The account's S3 prefix. */
    String prefix(String account) {
        return "a" + accounts.indexOf(account) + "/";
    }

    /** Who leads each shard now, as the database says (the last node that took it). */
    Map<Integer, String> owners() throws SQLException {
        Map<Integer, String> owners = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                var r = c.createStatement().executeQuery("SELECT shard, owner FROM shard_owner")) {
            while (r.next()) {
                owners.put(r.getInt(1), r.getString(2));
            }
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState())) {
                throw e;
            }
            // no table yet: no node migrated the database so far
        }
        return owners;
    }

    /** The accounts each node leads (nodes leading none are left out). */
    Map<String, List<String>> accountsByNode() throws SQLException {
        Shards shards = new Shards(SHARDS);
        Map<Integer, String> owners = owners();
        Map<String, List<String>> byNode = new TreeMap<>();
        for (String account : accounts) {
            String owner = owners.get(shards.of(account));
            if (owner != null) {
                byNode.computeIfAbsent(owner, o -> new ArrayList<>()).add(account);
            }
        }
        return byNode;
    }

    /** The owner row of the account's shard: node, epoch and since when (database clock, milliseconds). */
    long[] epochAndSince(String account) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                var s = c.prepareStatement("SELECT epoch, since FROM shard_owner WHERE shard = ?")) {
            s.setInt(1, new Shards(SHARDS).of(account));
            try (var r = s.executeQuery()) {
                return r.next() ? new long[] {r.getLong(1), r.getTimestamp(2).getTime()} : new long[] {0, 0};
            }
        }
    }

    /**
     * Shards where two nodes wrote at once: in each shard's sequence of fenced writes an older epoch after a newer
     * one. Empty when every shard had one writer at a time.
     */
    List<String> overlappingWriters() throws SQLException {
        List<String> overlaps = new ArrayList<>();
        Map<Integer, long[]> last = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                var r = c.createStatement().executeQuery("SELECT shard, epoch, node, id FROM fenced_write ORDER BY id")) {
            while (r.next()) {
                long[] before = last.get(r.getInt(1));
                if (before != null && r.getLong(2) < before[0]) {
                    overlaps.add("shard " + r.getInt(1) + ": " + r.getString(3) + " wrote under epoch " + r.getLong(2)
                            + " after epoch " + before[0]);
                }
                last.put(r.getInt(1), new long[] {Math.max(r.getLong(2), before == null ? 0 : before[0])});
            }
        }
        return overlaps;
    }

    static int shard(String account) {
        return new Shards(SHARDS).of(account);
    }

    /**
     * The files of the shard whose name contains {@code marker}: how many are recorded as delivered, and how many as
     * being written (claimed before their upload, not confirmed yet: in flight).
     */
    long[] deliveredAndWriting(String account, String marker) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); var s = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE sha256 IS DISTINCT FROM 'stale'), count(*) FILTER (WHERE sha256 ="
                        + " 'stale') FROM delivered_file WHERE shard = ? AND path LIKE ?")) {
            s.setInt(1, shard(account));
            s.setString(2, "%" + marker + "%");
            try (var r = s.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    /** When (database clock, ms) the shard's first fenced write under an epoch newer than {@code epoch} was made. */
    java.util.Optional<Long> firstWriteAfter(String account, long epoch) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); var s = c.prepareStatement(
                "SELECT written_at FROM fenced_write WHERE shard = ? AND epoch > ? ORDER BY id LIMIT 1")) {
            s.setInt(1, shard(account));
            s.setLong(2, epoch);
            try (var r = s.executeQuery()) {
                return r.next() ? java.util.Optional.of(r.getTimestamp(1).getTime()) : java.util.Optional.empty();
            }
        }
    }

    /** The account's sync token row: token, epoch and writer; empty when none was saved. */
    java.util.Optional<List<String>> syncToken(String account) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); var s = c.prepareStatement(
                "SELECT token, epoch, written_by FROM sync_token WHERE account = ?")) {
            s.setString(1, account);
            try (var r = s.executeQuery()) {
                if (!r.next()) {
                    return java.util.Optional.empty();
                }
                List<String> row = List.of(r.getString(1), String.valueOf(r.getLong(2)), r.getString(3));
                if (r.next()) {
                    throw new AssertionError("two sync tokens for " + account + ": one scope expected");
                }
                return java.util.Optional.of(row);
            }
        }
    }

    /** Sends a signal (KILL, STOP, CONT) to the node's JVM. */
    void signal(String id, String signal) throws IOException, InterruptedException {
        if (!signal.equals("CONT")) {
            stopped.add(id);
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(running.get(id).pid())).inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + id + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (JarProcess.Running node : running.values()) {
            node.close();
        }
    }
}
