package io.github.camelicloud.app.destination;

import io.github.camelicloud.sync.DestinationRecord;
import java.util.function.BiFunction;

/** Records kept by a store of the caller's (cluster mode: the fenced table), one journal per account and record. */
record JournalDeliveredState(String description, BiFunction<String, String, DestinationRecord.Journal> journals)
        implements DeliveredState {

    @Override
    public DeliveredRecord open(String account, String library, Destination destination) {
        String name = DeliveredState.recordName(account, library, destination);
        return new DeliveredRecord(name, description, () -> journals.apply(account, name));
    }

    @Override
    public String describe() {
        return description;
    }
}
