package io.github.camelicloud.app.destination;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * camel-sql's {@link JdbcMessageIdRepository} over one connection of its own, used by one thread at a time
 * (the consumer asks from several download threads; a shared connection must not interleave their
 * transactions). A broken connection is opened again on the next call. Keys are up to 255 characters.
 */
final class JdbcDeliveredRepository extends ServiceSupport implements IdempotentRepository {

    private static final String CREATE_TABLE = "CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255),"
            + " messageId VARCHAR(255), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))";

    private final StateDatabase database;
    private final String processorName;
    private SingleConnectionDataSource connection;
    private JdbcMessageIdRepository repository;

    JdbcDeliveredRepository(StateDatabase database, String processorName) {
        this.database = database;
        this.processorName = processorName;
    }

    @Override
    protected synchronized void doStart() throws Exception {
        connection = new SingleConnectionDataSource(database.url(), database.user().orElse(null),
                database.password().orElse(null), true);
        repository = new JdbcMessageIdRepository(connection, processorName);
        repository.setCreateString(CREATE_TABLE);
        try {
            repository.start();
        } catch (RuntimeException e) {
            connection.destroy();
            throw new DestinationException("Cannot use the state database " + database.shown() + ": "
                    + DestinationErrors.firstLine(DestinationErrors.root(e)), e);
        }
    }

    @Override
    protected synchronized void doStop() {
        if (repository != null) {
            repository.stop();
            connection.destroy();
            repository = null;
        }
    }

    @Override
    public synchronized boolean contains(String key) {
        return call(() -> repository.contains(key));
    }

    @Override
    public synchronized boolean add(String key) {
        return call(() -> repository.add(key));
    }

    @Override
    public synchronized boolean remove(String key) {
        return call(() -> repository.remove(key));
    }

    @Override
    public synchronized boolean confirm(String key) {
        return call(() -> repository.confirm(key));
    }

    @Override
    public synchronized void clear() {
        call(() -> {
            repository.clear();
            return true;
        });
    }

    private boolean call(java.util.function.BooleanSupplier operation) {
        try {
            return operation.getAsBoolean();
        } catch (DataAccessException e) {
            connection.resetConnection(); // the next call connects again
            throw new DestinationException("The state database " + database.shown() + " failed: "
                    + DestinationErrors.firstLine(DestinationErrors.root(e)), e);
        }
    }
}
