package io.github.camelicloud.cluster;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How a verification code typed on any node reaches the node that signs the account in (its shard's leader):
 * the leader opens a prompt ({@code mfa_prompt}) and waits; any node's web page or {@code --auth-only} sees the
 * prompt, and adds the code, sealed, to {@code pending_mfa_code}; the leader takes it (deletes it: a code is used
 * once) under its shard's epoch. Codes expire unused after {@link #CODE_LIFETIME}. A code is never logged.
 */
public final class PendingMfaCodes {

    /** Apple's codes are good for minutes; one left behind must not be used for a later prompt. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final ShardLeadership leadership;
    private final ClusterKey key;

    /** What the account's leader waits for. */
    public record Prompt(String kind, String status, boolean previousWrong, String node, Instant since) {
        public boolean waiting() {
            return "waiting".equals(status);
        }
    }

    public PendingMfaCodes(ShardLeadership leadership, ClusterKey key) {
        this.leadership = leadership;
        this.key = key;
    }

    /** The leader waits for a code ({@code kind}: code or sms); codes entered before this one are void. */
    void ask(String account, String kind, boolean previousWrong) {
        String a = normal(account);
        leadership.write(a, "mfa-prompt", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO mfa_prompt (account, kind, status, wrong, node,"
                    + " epoch) SELECT ?, ?, 'waiting', ?, ?, epoch FROM shard_owner WHERE shard = ? ON CONFLICT"
                    + " (account) DO UPDATE SET kind = excluded.kind, status = 'waiting', wrong = excluded.wrong,"
                    + " node = excluded.node, epoch = excluded.epoch, updated_at = clock_timestamp()")) {
                s.setString(1, a);
                s.setString(2, kind);
                s.setBoolean(3, previousWrong);
                s.setString(4, leadership.node());
                s.setInt(5, leadership.shards().of(a));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM pending_mfa_code WHERE account = ?"
                    + " AND (expires_at < clock_timestamp() OR ?)")) {
                s.setString(1, a);
                s.setBoolean(2, previousWrong); // a second code typed for the rejected one is stale too
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The leader takes the oldest code entered for the account, if any (and marks the prompt as being checked);
     * the code is gone from the database once taken.
     */
    Optional<String> take(String account) {
        String a = normal(account);
        Optional<byte[]> sealed = leadership.write(a, "mfa-code-taken", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM pending_mfa_code WHERE id = (SELECT id FROM"
                    + " pending_mfa_code WHERE account = ? AND expires_at > clock_timestamp() ORDER BY id LIMIT 1"
                    + " FOR UPDATE SKIP LOCKED) RETURNING sealed_code")) {
                s.setString(1, a);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    byte[] code = r.getBytes(1);
                    try (PreparedStatement p = c.prepareStatement(
                            "UPDATE mfa_prompt SET status = 'checking', updated_at = clock_timestamp() WHERE account = ?")) {
                        p.setString(1, a);
                        p.executeUpdate();
                    }
                    return Optional.of(code);
                }
            }
        });
        return sealed.map(s -> new String(key.open(s, context(a)), StandardCharsets.UTF_8));
    }

    /** What the account's leader waits for now, as any node sees it. */
    public Optional<Prompt> prompt(String account) {
        String a = normal(account);
        return leadership.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT kind, status, wrong, node, updated_at FROM mfa_prompt WHERE account = ?")) {
                s.setString(1, a);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Prompt(r.getString(1), r.getString(2), r.getBoolean(3),
                            r.getString(4), r.getTimestamp(5).toInstant())) : Optional.empty();
                }
            }
        });
    }

    /** A code typed on this node, for the account's leader (any node may enter one; no epoch needed). */
    public void submit(String account, String code) {
        if (!code.matches("\\d{6}")) {
            throw new IllegalArgumentException("a verification code is 6 digits");
        }
        String a = normal(account);
        byte[] sealed = key.seal(code.getBytes(StandardCharsets.UTF_8), context(a));
        leadership.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pending_mfa_code (account, sealed_code,"
                    + " entered_by, expires_at) VALUES (?, ?, ?, clock_timestamp() + make_interval(secs => ?))")) {
                s.setString(1, a);
                s.setBytes(2, sealed);
                s.setString(3, leadership.node());
                s.setLong(4, CODE_LIFETIME.toSeconds());
                s.executeUpdate();
            }
            return null;
        });
    }

    private static String context(String account) {
        return "MFA code of " + account;
    }

    private static String normal(String account) {
        return account.trim().toLowerCase(Locale.ROOT);
    }
}
