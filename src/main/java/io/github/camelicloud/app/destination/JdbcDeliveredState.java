package io.github.camelicloud.app.destination;

/**
 * The records in a database table ({@link JdbcRecordTable}), one processor name per destination, so machines that
 * share the database share what was sent.
 */
record JdbcDeliveredState(StateDatabase database) implements DeliveredState {

    @Override
    public DeliveredRecord open(String account, String library, Destination destination) {
        String name = DeliveredState.recordName(account, library, destination);
        return new DeliveredRecord(name, database.shown(), () -> new JdbcRecordTable(database, name));
    }

    @Override
    public String describe() {
        return "state database " + database.shown();
    }
}
