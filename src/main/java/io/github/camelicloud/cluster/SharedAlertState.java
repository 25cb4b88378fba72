package io.github.camelicloud.cluster;

import io.github.camelicloud.client.mfa.MfaState;
import io.github.camelicloud.client.mfa.NotifiedState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;

/**
 * The MFA state an alert was last sent for, per account, in {@code mfa_state}: read by whichever node leads the
 * account, written under the shard's epoch, so a new leader does not mail the alert its predecessor sent, and a
 * stale leader cannot record (and so does not send) one.
 */
final class SharedAlertState implements NotifiedState.Store {

    private final ShardLeadership leadership;
    private final String account;

    SharedAlertState(ShardLeadership leadership, String account) {
        this.leadership = leadership;
        this.account = account.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<MfaState> load() {
        return leadership.database().inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT state FROM mfa_state WHERE account = ?")) {
                s.setString(1, account);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(MfaState.valueOf(r.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void save(MfaState state) {
        leadership.write(account, "mfa-state", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO mfa_state (account, state, alert_sent)"
                    + " VALUES (?, ?, CASE WHEN ? THEN clock_timestamp() END) ON CONFLICT (account) DO UPDATE SET"
                    + " state = excluded.state, alert_sent = COALESCE(excluded.alert_sent, mfa_state.alert_sent),"
                    + " updated_at = clock_timestamp()")) {
                s.setString(1, account);
                s.setString(2, state.name());
                s.setBoolean(3, state != MfaState.OK);
                s.executeUpdate();
            }
            return null;
        });
    }
}
