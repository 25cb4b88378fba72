package io.github.camelicloud.simulator.cloudkit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The record types {@code records/query} (and each entry of a query batch) understands. */
public final class RecordQueries {

    private final Map<String, RecordQuery> byType = new ConcurrentHashMap<>();

    public static RecordQueries defaults() {
        RecordQueries queries = new RecordQueries();
        queries.register(CheckIndexingStateQuery.RECORD_TYPE, new CheckIndexingStateQuery());
        return queries;
    }

    public RecordQueries register(String recordType, RecordQuery query) {
        byType.put(recordType, query);
        return this;
    }

    public Optional<RecordQuery> find(String recordType) {
        return recordType == null ? Optional.empty() : Optional.ofNullable(byType.get(recordType));
    }
}
