package io.github.camelicloud.app;

import io.github.camelicloud.cluster.ClusterKey;
import io.github.camelicloud.cluster.ClusterSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Cluster mode's flags, turned into the {@code icloud.cluster.*} properties the Camel application reads too
 * ({@link io.github.camelicloud.cluster.ClusterNode}). A node needs the shared PostgreSQL (--state-jdbc-url) and
 * runs until stopped (--watch-with-interval).
 */
final class ClusterOptions {

    @Option(names = "--cluster-zookeeper", paramLabel = "HOST:PORT[,...]",
            description = "Run as one node of a cluster: ZooKeeper elects which node syncs each account; state in"
                    + " the PostgreSQL of --state-jdbc-url. Needs --watch-with-interval")
    String zookeeper;

    @Option(names = "--cluster-node-id", paramLabel = "ID", description = "This node's id. Default: the host name")
    String nodeId;

    @Option(names = "--cluster-shards", paramLabel = "N",
            description = "Shards the accounts are spread over; the same on every node. Default: "
                    + ClusterSettings.DEFAULT_SHARDS)
    Integer shards;

    @Option(names = "--cluster-session-timeout", paramLabel = "SECONDS",
            description = "ZooKeeper session timeout: a dead node's accounts move after about this. Default: 10")
    Integer sessionTimeoutSeconds;

    @Option(names = "--cluster-key-file", paramLabel = "FILE",
            description = "The key that seals the shared sessions and MFA codes in the database (32 bytes as base64:"
                    + " openssl rand -base64 32); the same file on every node. Default: CAMEL_ICLOUD_CLUSTER_KEY")
    String keyFile;

    /**
     * The properties; IllegalArgumentException when cluster flags come without what they need.
     *
     * @param watch    a sync that runs until stopped (a node), or {@code --auth-only} (a code for a node)
     */
    Map<String, String> routeProperties(Map<String, String> state, boolean watch) {
        Map<String, String> p = new LinkedHashMap<>();
        if (zookeeper == null || zookeeper.isBlank()) {
            if (nodeId != null || shards != null || sessionTimeoutSeconds != null || keyFile != null) {
                throw new IllegalArgumentException("--cluster-node-id, --cluster-shards, --cluster-session-timeout"
                        + " and --cluster-key-file need --cluster-zookeeper");
            }
            return p;
        }
        if (!state.containsKey("icloud.state.jdbc-url")) {
            throw new IllegalArgumentException("--cluster-zookeeper needs --state-jdbc-url: the nodes share their"
                    + " state in PostgreSQL");
        }
        if (!watch) {
            throw new IllegalArgumentException("--cluster-zookeeper needs --watch-with-interval: a node runs until"
                    + " it is stopped (or --auth-only: a verification code for the account's node)");
        }
        p.put(ClusterSettings.ZOOKEEPER, zookeeper.trim());
        if (nodeId != null) {
            p.put(ClusterSettings.NODE_ID, nodeId.trim());
        }
        if (shards != null) {
            p.put(ClusterSettings.SHARDS, shards.toString());
        }
        if (keyFile != null) {
            p.put(ClusterKey.KEY_FILE, keyFile.trim());
        }
        if (sessionTimeoutSeconds != null) {
            p.put(ClusterSettings.SESSION_TIMEOUT, String.valueOf(sessionTimeoutSeconds * 1000L));
        }
        settings(state, p); // every setting checked now: exit 2, nothing started
        return p;
    }

    /** The cluster settings in {@code properties} (a cluster run's), if any. */
    static java.util.Optional<ClusterSettings> settings(Map<String, String> state, Map<String, String> cluster) {
        Map<String, String> all = new LinkedHashMap<>(state);
        all.putAll(cluster);
        return ClusterSettings.from(name -> java.util.Optional.ofNullable(all.get(name)).filter(v -> !v.isBlank()));
    }
}
