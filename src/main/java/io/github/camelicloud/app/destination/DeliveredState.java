package io.github.camelicloud.app.destination;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * The record of what one destination holds: a file of delivery keys (assetId:version:checksum) in the
 * state directory, one per account, library and destination. The consumer adds a key only when the
 * exchange completed, i.e. after the destination confirmed the write.
 */
public final class DeliveredState {

    /** Keys kept in memory; a miss is looked up in the file, so a larger library is still exact. */
    private static final int CACHE_SIZE = 100_000;
    /** Never trim the file: a trimmed record would upload old photos again. */
    private static final long MAX_FILE_SIZE = Long.MAX_VALUE;

    private DeliveredState() {
    }

    public static IdempotentRepository open(Path stateDirectory, String account, String library,
            Destination destination) throws java.io.IOException {
        Files.createDirectories(stateDirectory);
        String id = hash(account + "\n" + library + "\n" + destination.identity());
        Path file = stateDirectory.resolve(destination.kind() + "-" + id + ".delivered");
        return FileIdempotentRepository.fileIdempotentRepository(file.toFile(), CACHE_SIZE, MAX_FILE_SIZE);
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
