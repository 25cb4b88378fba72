package io.github.camelicloud.cluster;

import io.github.camelicloud.app.destination.StateDatabase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cluster mode's settings, the {@code icloud.cluster.*} properties (the CLI's {@code --cluster-*} flags set them):
 * ZooKeeper's ensemble, this node's id (default: the host name), the number of shards (the same on every node),
 * ZooKeeper's session timeout, how long a starting node waits for the nodes started with it ({@link StartGrace}),
 * the shared PostgreSQL ({@code icloud.state.jdbc-*}) and the key its secrets are
 * sealed with ({@link ClusterKey}).
 */
public record ClusterSettings(String zookeeper, String nodeId, Shards shards, int sessionTimeoutMs,
        StateDatabase database, ClusterKey key, int startGraceMs) {

    public static final String ZOOKEEPER = "icloud.cluster.zookeeper";
    public static final String NODE_ID = "icloud.cluster.node-id";
    public static final String SHARDS = "icloud.cluster.shards";
    public static final String SESSION_TIMEOUT = "icloud.cluster.session-timeout-ms";
    public static final String START_GRACE = "icloud.cluster.start-grace-ms";
    public static final int DEFAULT_SHARDS = 32;

    public ClusterSettings {
        if (!zookeeper.matches("[A-Za-z0-9.\\-\\[\\]:]+(,[A-Za-z0-9.\\-\\[\\]:]+)*(/[A-Za-z0-9/_\\-]*)?")) {
            throw new IllegalArgumentException(ZOOKEEPER + " must be host:port[,host:port...], got '" + zookeeper
                    + "'");
        }
        if (nodeId.isBlank() || !nodeId.matches("[A-Za-z0-9._\\-]{1,100}")) {
            throw new IllegalArgumentException(NODE_ID + " must be 1-100 letters, digits, '.', '_' or '-', got '"
                    + nodeId + "'");
        }
        if (sessionTimeoutMs < 1000 || sessionTimeoutMs > 600_000) {
            throw new IllegalArgumentException(SESSION_TIMEOUT + " must be between 1000 and 600000, got "
                    + sessionTimeoutMs);
        }
        if (startGraceMs < 0 || startGraceMs > 600_000) {
            throw new IllegalArgumentException(START_GRACE + " must be between 0 and 600000, got " + startGraceMs);
        }
    }

    /** The same node of the same cluster (the key is the database's to check). */
    boolean sameNode(ClusterSettings other) {
        return zookeeper.equals(other.zookeeper) && nodeId.equals(other.nodeId) && shards.equals(other.shards)
                && database.url().equals(other.database.url());
    }

    /**
     * The settings when {@code icloud.cluster.zookeeper} is set ({@code property} returns a property's non-empty
     * value); IllegalArgumentException says which setting is wrong.
     */
    public static Optional<ClusterSettings> from(Function<String, Optional<String>> property) {
        Optional<String> zookeeper = property.apply(ZOOKEEPER);
        if (zookeeper.isEmpty()) {
            return Optional.empty();
        }
        String url = property.apply("icloud.state.jdbc-url").orElseThrow(() -> new IllegalArgumentException(
                "cluster mode keeps its state in PostgreSQL: set --state-jdbc-url (icloud.state.jdbc-url)"));
        StateDatabase database = new StateDatabase(url, property.apply("icloud.state.jdbc-user"),
                property.apply("icloud.state.jdbc-password"));
        int sessionTimeoutMs = number(property, SESSION_TIMEOUT, 10_000);
        return Optional.of(new ClusterSettings(zookeeper.get().trim(),
                property.apply(NODE_ID).map(String::trim).orElseGet(ClusterSettings::hostName),
                new Shards(number(property, SHARDS, DEFAULT_SHARDS)), sessionTimeoutMs, database,
                ClusterKey.from(property, System::getenv), number(property, START_GRACE, sessionTimeoutMs / 2)));
    }

    private static int number(Function<String, Optional<String>> property, String name, int otherwise) {
        Optional<String> value = property.apply(name);
        try {
            return value.map(String::trim).map(Integer::parseInt).orElse(otherwise);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value.get() + "'");
        }
    }

    /** The default node id: the host name (a pod's name on Kubernetes). */
    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("no host name to use as node id: set " + NODE_ID);
        }
    }
}
