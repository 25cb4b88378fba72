package io.github.camelicloud.cluster;

import io.github.camelicloud.client.session.SessionJson;
import io.github.camelicloud.client.session.SessionStore;
import io.github.camelicloud.client.session.StoredSession;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * An account's session (cookies, session and trust tokens) in the cluster's {@code account_session} table, sealed
 * with the {@link ClusterKey}: whichever node leads the account next resumes it without a new MFA prompt. Written
 * only under the shard's epoch ({@link ShardLeadership#write}); every save moves the row's version on, which is how
 * a node notices a session stored by another ({@link #changedElsewhere()}).
 * <p>
 * A row that does not open (another key, changed in the database) is an error, not an empty session: signing in
 * afresh would ask the user for a code for nothing.
 */
public final class SealedSessionStore implements SessionStore {

    private final ShardLeadership leadership;
    private final ClusterKey key;
    private final String account;
    private volatile long lastUsed;

    public SealedSessionStore(ShardLeadership leadership, ClusterKey key, String account) {
        this.leadership = leadership;
        this.key = key;
        this.account = account.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public StoredSession load() {
        Row row = leadership.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT sealed, version FROM account_session WHERE account = ?")) {
                s.setString(1, account);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new Row(r.getBytes(1), r.getLong(2)) : new Row(null, 0);
                }
            }
        });
        lastUsed = row.version;
        if (row.sealed == null) {
            return StoredSession.EMPTY;
        }
        byte[] json = key.open(row.sealed, context());
        try {
            return SessionJson.read(json);
        } catch (IOException e) {
            throw new ClusterKey.SealedStateException("The session of " + account + " in the cluster database opens"
                    + " but is not a session (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void save(StoredSession session) {
        byte[] sealed = key.seal(SessionJson.write(session), context());
        lastUsed = leadership.write(account, "session", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO account_session (account, sealed, version,"
                    + " epoch) SELECT ?, ?, 1, epoch FROM shard_owner WHERE shard = ? ON CONFLICT (account) DO UPDATE"
                    + " SET sealed = excluded.sealed, version = account_session.version + 1, epoch = excluded.epoch,"
                    + " updated_at = clock_timestamp() RETURNING version")) {
                s.setString(1, account);
                s.setBytes(2, sealed);
                s.setInt(3, leadership.shards().of(account));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** Another node (the account's previous leader) stored a session since this one last loaded or saved. */
    @Override
    public boolean changedElsewhere() {
        return version() != lastUsed;
    }

    long version() {
        return leadership.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM account_session WHERE account = ?")) {
                s.setString(1, account);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    private String context() {
        return "session of " + account;
    }

    private record Row(byte[] sealed, long version) {
    }
}
