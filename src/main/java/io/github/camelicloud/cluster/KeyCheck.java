package io.github.camelicloud.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Tells a node at start whether its key is the cluster's: the first node seals a known text into
 * {@code cluster_key_check}; every later node must open it. A wrong key thus stops a node with one clear message,
 * instead of every account's session failing to open later.
 */
final class KeyCheck {

    private static final String CONTEXT = "cluster key check";
    private static final byte[] TEXT = "camel-icloud cluster key check".getBytes(StandardCharsets.UTF_8);

    private KeyCheck() {
    }

    /** @throws ClusterKey.SealedStateException when the database was sealed with another key */
    static void verify(ClusterDatabase database, ClusterKey key) {
        byte[] stored = database.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO cluster_key_check (id, sealed) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setBytes(1, key.seal(TEXT, CONTEXT));
                insert.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT sealed FROM cluster_key_check WHERE id = 1");
                    ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBytes(1);
            }
        });
        try {
            key.open(stored, CONTEXT);
        } catch (ClusterKey.SealedStateException e) {
            throw new ClusterKey.SealedStateException("This node's cluster key is not the key the cluster's state in "
                    + database.shown() + " was sealed with: give every node the same key file (" + ClusterKey.KEY_FILE
                    + " / " + ClusterKey.KEY_ENV + ")");
        }
    }
}
