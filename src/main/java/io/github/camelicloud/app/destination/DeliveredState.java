package io.github.camelicloud.app.destination;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Where each remote destination's record of what it holds lives: a file per destination in a state
 * directory, or rows in a shared database table. One record per account, library and destination, keyed
 * by delivery key (assetId:version:checksum); the consumer adds a key only when the exchange completed,
 * i.e. after the destination confirmed the write.
 */
public interface DeliveredState {

    /** The record of one destination; a Camel service, started and stopped with the routes. */
    IdempotentRepository open(String account, String library, Destination destination) throws java.io.IOException;

    /** Where the records are, for the log (no secret). */
    String describe();

    static DeliveredState inDirectory(Path directory) {
        return new FileDeliveredState(directory);
    }

    static DeliveredState inDatabase(StateDatabase database) {
        return new JdbcDeliveredState(database);
    }

    /** {@code kind-hash}: the same name for the CLI and the bundled routes, so they share what was sent. */
    static String recordName(String account, String library, Destination destination) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((account + "\n" + library + "\n"
                    + destination.identity()).getBytes(StandardCharsets.UTF_8));
            return destination.kind() + "-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
