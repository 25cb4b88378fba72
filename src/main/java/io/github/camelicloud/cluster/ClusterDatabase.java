package io.github.camelicloud.cluster;

import io.github.camelicloud.app.destination.StateDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/**
 * The cluster's PostgreSQL: its tables (created and upgraded by Flyway's migrations in {@code db/cluster}), the
 * shard epochs and fenced writes. One connection per node, used by one caller at a time; a broken connection is
 * opened again on the next call.
 */
public final class ClusterDatabase implements AutoCloseable {

    /** A unit of work in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final StateDatabase database;
    private Connection connection;

    public ClusterDatabase(StateDatabase database) {
        if (!database.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("cluster mode keeps its state in PostgreSQL: --state-jdbc-url must be"
                    + " jdbc:postgresql://host:5432/database, got " + database.shown());
        }
        this.database = database;
    }

    /** Creates or upgrades the tables; nodes starting together wait for each other on Flyway's lock. */
    public void migrate() {
        try {
            Flyway.configure().dataSource(database.url(), database.user().orElse(null),
                    database.password().orElse(null)).locations("classpath:db/cluster")
                    .table("camel_icloud_schema_history").baselineOnMigrate(true).load().migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The state database " + database.shown() + " could not be prepared: "
                    + rootMessage(e), e);
        }
    }

    /** Takes the shard for {@code node}: its epoch moves on, so the previous leader's writes are refused. */
    public long takeShard(int shard, String node) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO shard_owner (shard, owner, epoch)"
                    + " VALUES (?, ?, 1) ON CONFLICT (shard) DO UPDATE SET epoch = shard_owner.epoch + 1,"
                    + " owner = excluded.owner, since = clock_timestamp() RETURNING epoch")) {
                s.setInt(1, shard);
                s.setString(2, node);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /**
     * Runs {@code work} in a transaction only while {@code epoch} is still the shard's (the owner row is share-locked
     * until the commit, so a new leader's take waits for it and then refuses the old epoch), and logs the write.
     *
     * @throws StaleLeaderException when another node took the shard since
     */
    public <T> T fenced(int shard, long epoch, String node, String what, Work<T> work) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT owner FROM shard_owner WHERE shard = ? AND epoch = ? FOR SHARE")) {
                s.setInt(1, shard);
                s.setLong(2, epoch);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StaleLeaderException("Node " + node + " lost shard " + shard + " (epoch " + epoch
                                + " is over): its write of " + what + " was refused");
                    }
                }
            }
            T result = work.run(c);
            try (PreparedStatement log = c.prepareStatement(
                    "INSERT INTO fenced_write (shard, epoch, node, what) VALUES (?, ?, ?, ?)")) {
                log.setInt(1, shard);
                log.setLong(2, epoch);
                log.setString(3, node);
                log.setString(4, what);
                log.executeUpdate();
            }
            return result;
        });
    }

    /** Runs {@code work} in one transaction on the node's connection. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            Connection c = connection();
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("The state database " + database.shown() + " failed: " + rootMessage(e),
                    e);
        }
    }

    /** Where the database is (no secret). */
    public String shown() {
        return database.shown();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties p = new Properties();
            database.user().ifPresent(u -> p.setProperty("user", u));
            database.password().ifPresent(pw -> p.setProperty("password", pw));
            p.setProperty("ApplicationName", "camel-icloud");
            connection = DriverManager.getConnection(database.url(), p);
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: the next call opens another
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
            connection = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage().lines().findFirst().orElse("");
    }
}
