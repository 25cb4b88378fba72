package io.github.camelicloud.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelicloud.sync.Sha256;
import io.github.camelicloud.sync.SyncTokenStore;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's sync token in the cluster's {@code sync_token} table: read by whichever node leads the account when
 * its pass starts, so a new leader resumes where the last one got, and written only under the shard's epoch
 * ({@link ShardLeadership#write}): a stale leader cannot move it, and is stopped when it tries.
 */
final class FencedSyncTokens implements SyncTokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(FencedSyncTokens.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShardLeadership leadership;
    private final String account;
    private final String library;
    private final String scopeHash;

    FencedSyncTokens(ShardLeadership leadership, String account, String library, String scope) {
        this.leadership = leadership;
        this.account = account;
        this.library = library;
        this.scopeHash = HexFormat.of().formatHex(Sha256.digest().digest((account + "\n" + library + "\n" + scope)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<Checkpoint> load() {
        return leadership.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT library, zone_id, shared, token FROM sync_token"
                    + " WHERE account = ? AND scope_hash = ?")) {
                s.setString(1, account);
                s.setString(2, scopeHash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    if (!library.equals(r.getString(1)) || r.getString(2) == null) {
                        LOG.warn("Ignoring the sync state of {} in the cluster database: not one this version wrote;"
                                + " listing the library in full", account);
                        return Optional.empty();
                    }
                    return Optional.of(new Checkpoint(library, JSON.readTree(r.getString(2)), r.getBoolean(3),
                            r.getString(4)));
                } catch (JsonProcessingException e) {
                    LOG.warn("Ignoring the sync state of {} in the cluster database ({}); listing the library in full",
                            account, e.getOriginalMessage());
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(Checkpoint checkpoint) {
        int shard = leadership.shards().of(account);
        leadership.write(account, "sync-token", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sync_token (account, scope_hash, token, epoch,"
                    + " library, zone_id, shared, shard, written_by) SELECT ?, ?, ?, epoch, ?, ?, ?, ?, ? FROM"
                    + " shard_owner WHERE shard = ? ON CONFLICT (account, scope_hash) DO UPDATE SET"
                    + " token = excluded.token, epoch = excluded.epoch, library = excluded.library,"
                    + " zone_id = excluded.zone_id, shared = excluded.shared, shard = excluded.shard,"
                    + " written_by = excluded.written_by, updated_at = clock_timestamp()")) {
                s.setString(1, account);
                s.setString(2, scopeHash);
                s.setString(3, checkpoint.syncToken());
                s.setString(4, checkpoint.library());
                s.setString(5, checkpoint.zoneId().toString());
                s.setBoolean(6, checkpoint.shared());
                s.setInt(7, shard);
                s.setString(8, leadership.node());
                s.setInt(9, shard);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void clear() {
        leadership.write(account, "sync-token-cleared", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM sync_token WHERE account = ? AND scope_hash = ?")) {
                s.setString(1, account);
                s.setString(2, scopeHash);
                s.executeUpdate();
            }
            return null;
        });
    }
}
