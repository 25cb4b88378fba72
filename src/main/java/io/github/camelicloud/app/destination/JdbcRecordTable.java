package io.github.camelicloud.app.destination;

import io.github.camelicloud.sync.DestinationRecord;
import io.github.camelicloud.sync.HeldFile;
import io.github.camelicloud.sync.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A destination's record as rows of {@code CAMEL_ICLOUD_HELD} (one per file: path, delivery key, SHA-256, and the
 * fingerprint of the metadata written into it, {@code pending:...} while that failed), over a
 * connection of its own, so machines that share the database share what each destination holds. The keys the
 * first version kept in camel-sql's {@code CAMEL_MESSAGEPROCESSED} are read as keys of the first format. The
 * primary key uses the path's hash, which fits every database's index limits. A broken connection is opened
 * again on the next call.
 */
final class JdbcRecordTable implements DestinationRecord.Journal {

    private static final String CREATE_TABLE = "CREATE TABLE CAMEL_ICLOUD_HELD (processorName VARCHAR(255),"
            + " pathHash CHAR(64), path VARCHAR(1024), deliveryKey VARCHAR(255), sha256 CHAR(64),"
            + " metadata VARCHAR(64), PRIMARY KEY (processorName, pathHash))";
    /** Tables made before metadata was embedded for remote destinations get the column (null: none recorded). */
    private static final String ADD_METADATA = "ALTER TABLE CAMEL_ICLOUD_HELD ADD COLUMN metadata VARCHAR(64)";

    private final StateDatabase database;
    private final String processorName;
    private final SingleConnectionDataSource connection;
    private final JdbcTemplate jdbc;

    JdbcRecordTable(StateDatabase database, String processorName) {
        this.database = database;
        this.processorName = processorName;
        this.connection = new SingleConnectionDataSource(database.url(), database.user().orElse(null),
                database.password().orElse(null), true);
        this.jdbc = new JdbcTemplate(connection);
    }

    @Override
    public synchronized void load(Map<String, HeldFile> held, Set<String> legacyKeys) {
        call(() -> {
            try {
                jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_ICLOUD_HELD WHERE 1 = 0", Integer.class);
            } catch (DataAccessException missing) {
                jdbc.execute(CREATE_TABLE);
            }
            try {
                jdbc.queryForObject("SELECT COUNT(metadata) FROM CAMEL_ICLOUD_HELD WHERE 1 = 0", Integer.class);
            } catch (DataAccessException olderTable) {
                jdbc.execute(ADD_METADATA);
            }
            jdbc.query("SELECT path, deliveryKey, sha256, metadata FROM CAMEL_ICLOUD_HELD WHERE processorName = ?",
                    rs -> {
                        held.put(rs.getString(1), new HeldFile(rs.getString(2), rs.getString(1), rs.getString(3),
                                rs.getString(4)));
                    }, processorName);
            try {
                jdbc.query("SELECT messageId FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ?",
                        rs -> {
                            legacyKeys.add(rs.getString(1));
                        }, processorName);
            } catch (DataAccessException noFirstVersion) {
                // no table of the first version: nothing to carry over
            }
            return null;
        });
    }

    @Override
    public synchronized void put(HeldFile file) {
        call(() -> jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                delete(file.path());
                jdbc.update("INSERT INTO CAMEL_ICLOUD_HELD (processorName, pathHash, path, deliveryKey, sha256,"
                        + " metadata) VALUES (?, ?, ?, ?, ?, ?)", processorName, hash(file.path()), file.path(),
                        file.key(), file.sha256(), file.metadata());
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return null;
        }));
    }

    @Override
    public synchronized void remove(String path) {
        call(() -> {
            delete(path);
            return null;
        });
    }

    private void delete(String path) {
        jdbc.update("DELETE FROM CAMEL_ICLOUD_HELD WHERE processorName = ? AND pathHash = ?", processorName,
                hash(path));
    }

    private static String hash(String path) {
        return HexFormat.of().formatHex(Sha256.digest().digest(path.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void close() {
        connection.destroy();
    }

    private <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (DataAccessException e) {
            connection.resetConnection(); // the next call connects again
            throw new DestinationException("The state database " + database.shown() + " failed: "
                    + DestinationErrors.firstLine(DestinationErrors.root(e)), e);
        }
    }
}
