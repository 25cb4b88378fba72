package io.github.camelicloud.app.destination;

import io.github.camelicloud.client.session.PrivateFolders;
import java.nio.file.Path;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/** One file of delivery keys per destination: {@code <directory>/<kind>-<hash>.delivered}. */
record FileDeliveredState(Path directory) implements DeliveredState {

    /** Keys kept in memory; a miss is looked up in the file, so a larger library is still exact. */
    private static final int CACHE_SIZE = 100_000;
    /** Never trim the file: a trimmed record would upload old photos again. */
    private static final long MAX_FILE_SIZE = Long.MAX_VALUE;

    @Override
    public IdempotentRepository open(String account, String library, Destination destination)
            throws java.io.IOException {
        PrivateFolders.ensure(directory);
        Path file = PrivateFolders.createFile(directory.resolve(DeliveredState.recordName(account, library,
                destination) + ".delivered")); // the repository appends to it, keeping it owner-only
        return FileIdempotentRepository.fileIdempotentRepository(file.toFile(), CACHE_SIZE, MAX_FILE_SIZE);
    }

    @Override
    public String describe() {
        return "state directory " + directory;
    }
}
