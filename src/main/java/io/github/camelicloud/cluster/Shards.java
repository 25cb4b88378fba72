package io.github.camelicloud.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Accounts grouped into a fixed number of shards: {@code shard = stableHash(account) % S}. A shard is one election
 * in ZooKeeper and moves between nodes as a unit, so ZooKeeper's paths stay bounded however many accounts there
 * are. The hash is SHA-256 of the lower-cased Apple ID: the same on every node, JVM and version.
 */
public record Shards(int count) {

    public Shards {
        if (count < 1 || count > 4096) {
            throw new IllegalArgumentException("icloud.cluster.shards must be between 1 and 4096, got " + count);
        }
    }

    public int of(String account) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(account.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            long first = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
            return (int) (first % count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shard's election namespace in ZooKeeper. */
    public static String namespace(int shard) {
        return String.format(Locale.ROOT, "shard-%03d", shard);
    }
}
