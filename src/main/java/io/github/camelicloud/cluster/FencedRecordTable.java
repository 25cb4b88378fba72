package io.github.camelicloud.cluster;

import io.github.camelicloud.sync.DestinationRecord;
import io.github.camelicloud.sync.HeldFile;
import io.github.camelicloud.sync.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A destination's record in the cluster's {@code delivered_file} table: read by whichever node leads the account,
 * written only under its shard's epoch ({@link ShardLeadership#write}). A file's row is replaced by one upsert, so
 * two writes of one path cannot race into two rows.
 */
final class FencedRecordTable implements DestinationRecord.Journal {

    private final ShardLeadership leadership;
    private final String account;
    private final String recordName;

    FencedRecordTable(ShardLeadership leadership, String account, String recordName) {
        this.leadership = leadership;
        this.account = account;
        this.recordName = recordName;
    }

    @Override
    public void load(Map<String, HeldFile> held, Set<String> legacyKeys) {
        leadership.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT path, delivery_key, sha256, metadata FROM delivered_file WHERE record_name = ?")) {
                s.setString(1, recordName);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        held.put(r.getString(1), new HeldFile(r.getString(2), r.getString(1), r.getString(3),
                                r.getString(4)));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void put(HeldFile file) {
        int shard = leadership.shards().of(account);
        leadership.write(account, "delivered", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO delivered_file (record_name, path_hash, path,"
                    + " delivery_key, sha256, shard, epoch, written_by, metadata) SELECT ?, ?, ?, ?, ?, ?, epoch, ?, ?"
                    + " FROM shard_owner WHERE shard = ? ON CONFLICT (record_name, path_hash) DO UPDATE SET"
                    + " path = excluded.path, delivery_key = excluded.delivery_key, sha256 = excluded.sha256,"
                    + " metadata = excluded.metadata,"
                    + " shard = excluded.shard, epoch = excluded.epoch, written_by = excluded.written_by,"
                    + " written_at = clock_timestamp()")) {
                s.setString(1, recordName);
                s.setString(2, hash(file.path()));
                s.setString(3, file.path());
                s.setString(4, file.key());
                s.setString(5, file.sha256());
                s.setInt(6, shard);
                s.setString(7, leadership.node());
                s.setString(8, file.metadata());
                s.setInt(9, shard);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void remove(String path) {
        leadership.write(account, "removed", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM delivered_file WHERE record_name = ? AND path_hash = ?")) {
                s.setString(1, recordName);
                s.setString(2, hash(path));
                s.executeUpdate();
            }
            return null;
        });
    }

    private static String hash(String path) {
        return HexFormat.of().formatHex(Sha256.digest().digest(path.getBytes(StandardCharsets.UTF_8)));
    }
}
