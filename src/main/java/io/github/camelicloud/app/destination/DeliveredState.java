package io.github.camelicloud.app.destination;

import io.github.camelicloud.sync.RecordFile;
import java.nio.file.Path;

/**
 * Where each remote destination's record of what it holds lives: a file per destination in a state
 * directory, or rows in a shared database table. One record per account, library and destination: for each
 * file, its path, the asset version it holds (assetId:version:checksum) and the SHA-256 of the bytes sent,
 * written once the destination confirmed the write.
 */
public interface DeliveredState {

    /** The registry name under which cluster mode binds the records every remote destination then uses. */
    String BEAN = "icloud-delivered-state";

    /** The record of one destination; a Camel service, started and stopped with the routes. */
    DeliveredRecord open(String account, String library, Destination destination) throws java.io.IOException;

    /** Where the records are, for the log (no secret). */
    String describe();

    static DeliveredState inDirectory(Path directory) {
        return new FileDeliveredState(directory);
    }

    static DeliveredState inDatabase(StateDatabase database) {
        return new JdbcDeliveredState(database);
    }

    /** Records kept elsewhere: {@code journals} opens the journal of an account's record (account, record name). */
    static DeliveredState of(String description,
            java.util.function.BiFunction<String, String, io.github.camelicloud.sync.DestinationRecord.Journal> journals) {
        return new JournalDeliveredState(description, journals);
    }

    /** {@code kind-hash}: the same name for the CLI and the bundled routes, so they share what was sent. */
    static String recordName(String account, String library, Destination destination) {
        String file = RecordFile.name(destination.kind(), account, library, destination.identity());
        return file.substring(0, file.length() - ".delivered".length());
    }
}
