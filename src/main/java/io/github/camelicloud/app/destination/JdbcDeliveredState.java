package io.github.camelicloud.app.destination;

import org.apache.camel.spi.IdempotentRepository;

/**
 * The records in a database table (camel-sql's {@code CAMEL_MESSAGEPROCESSED}), one processor name per
 * destination, so machines that share the database share what was sent.
 */
record JdbcDeliveredState(StateDatabase database) implements DeliveredState {

    @Override
    public IdempotentRepository open(String account, String library, Destination destination) {
        return new JdbcDeliveredRepository(database, DeliveredState.recordName(account, library, destination));
    }

    @Override
    public String describe() {
        return "state database " + database.shown();
    }
}
