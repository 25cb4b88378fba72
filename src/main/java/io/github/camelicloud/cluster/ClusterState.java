package io.github.camelicloud.cluster;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.SharedSignIn;
import io.github.camelicloud.client.mfa.NotifiedState;
import java.util.function.Consumer;

/**
 * What the nodes of a cluster share in PostgreSQL besides the destinations' records: the shard epochs
 * ({@link ShardLeadership}), the accounts' sealed sessions, their MFA alert state and pending codes. One per JVM (a
 * JVM is one node): the CLI opens it before it builds its clients, and the node's routes use the same.
 */
public final class ClusterState implements SharedSignIn {

    private static ClusterState current;

    private final ClusterSettings settings;
    private final ClusterDatabase database;
    private final ShardLeadership leadership;
    private final PendingMfaCodes codes;

    private ClusterState(ClusterSettings settings, Consumer<String> halt) {
        this.settings = settings;
        this.database = new ClusterDatabase(settings.database());
        database.migrate();
        KeyCheck.verify(database, settings.key());
        this.leadership = new ShardLeadership(database, settings.nodeId(), settings.shards(), halt);
        this.codes = new PendingMfaCodes(leadership, settings.key());
    }

    /**
     * This JVM's cluster state: prepares the database (migrations) and checks the key on first use.
     *
     * @throws ClusterKey.SealedStateException when the key is not the one the cluster's state is sealed with
     */
    public static ClusterState open(ClusterSettings settings) {
        return open(settings, ClusterNode::halt);
    }

    static synchronized ClusterState open(ClusterSettings settings, Consumer<String> halt) {
        if (current == null || !current.settings.sameNode(settings)) {
            current = new ClusterState(settings, halt);
        }
        return current;
    }

    public ClusterSettings settings() {
        return settings;
    }

    ClusterDatabase database() {
        return database;
    }

    ShardLeadership leadership() {
        return leadership;
    }

    /** The prompts and codes: what a web page or {@code --auth-only} on this node answers. */
    public PendingMfaCodes codes() {
        return codes;
    }

    /** The version of the account's stored session (0: none): moves on each time its leader saves it. */
    public long sessionVersion(String account) {
        return new SealedSessionStore(leadership, settings.key(), account).version();
    }

    @Override
    public void applyTo(ICloudClient.Builder builder, String username) {
        share(builder, username, leadership, settings.key(), codes);
    }

    static void share(ICloudClient.Builder builder, String username, ShardLeadership leadership, ClusterKey key,
            PendingMfaCodes codes) {
        builder.sessionStore(new SealedSessionStore(leadership, key, username))
                .alertState(NotifiedState.in(new SharedAlertState(leadership, username)))
                .mfaCodeProvider(new ClusterMfaCodeProvider(leadership, codes, username))
                .askForCodeAfterExpiry(true);
    }

    /** Closes the database connection when this node stops. */
    synchronized void close() {
        database.close();
    }
}
