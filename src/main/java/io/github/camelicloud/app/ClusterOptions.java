package io.github.camelicloud.app;

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

    /** The properties; IllegalArgumentException when cluster flags come without what they need. */
    Map<String, String> routeProperties(Map<String, String> state, boolean watch) {
        Map<String, String> p = new LinkedHashMap<>();
        if (zookeeper == null || zookeeper.isBlank()) {
            if (nodeId != null || shards != null || sessionTimeoutSeconds != null) {
                throw new IllegalArgumentException("--cluster-node-id, --cluster-shards and --cluster-session-timeout"
                        + " need --cluster-zookeeper");
            }
            return p;
        }
        if (!state.containsKey("icloud.state.jdbc-url")) {
            throw new IllegalArgumentException("--cluster-zookeeper needs --state-jdbc-url: the nodes share their"
                    + " state in PostgreSQL");
        }
        if (!watch) {
            throw new IllegalArgumentException("--cluster-zookeeper needs --watch-with-interval: a node runs until"
                    + " it is stopped");
        }
        p.put(ClusterSettings.ZOOKEEPER, zookeeper.trim());
        if (nodeId != null) {
            p.put(ClusterSettings.NODE_ID, nodeId.trim());
        }
        if (shards != null) {
            p.put(ClusterSettings.SHARDS, shards.toString());
        }
        if (sessionTimeoutSeconds != null) {
            p.put(ClusterSettings.SESSION_TIMEOUT, String.valueOf(sessionTimeoutSeconds * 1000L));
        }
        Map<String, String> all = new LinkedHashMap<>(state);
        all.putAll(p);
        ClusterSettings.from(name -> java.util.Optional.ofNullable(all.get(name)).filter(v -> !v.isBlank()));
        return p;
    }
}
