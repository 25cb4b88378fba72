package io.github.camelicloud.app.destination;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.PlannedFile;
import io.github.camelicloud.component.PassResult;
import java.util.List;
import java.util.OptionalLong;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one destination's route around its endpoint: before a file, make sure the destination
 * answers (once per pass — after a destination-level failure the rest of the pass fails fast instead of
 * retrying every file) and whether it already holds the same key with the same size; after it, count and
 * log; on failure, a message that names the destination. Thread-safe: the consumer may route several
 * files at once.
 */
public final class RemoteDelivery implements ICloudPassListener {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteDelivery.class);

    private final Destination destination;
    private final RemoteStore store;
    private final IdempotentRepository delivered;
    private final boolean dryRun;
    private volatile boolean verified;
    private volatile DestinationException broken;

    /** @param delivered the destination's record, from which files deleted here are removed */
    public RemoteDelivery(Destination destination, org.apache.camel.CamelContext camel, IdempotentRepository delivered,
            boolean dryRun) {
        this.destination = destination;
        this.store = destination.store(camel);
        this.delivered = delivered;
        this.dryRun = dryRun;
    }

    public Destination destination() {
        return destination;
    }

    /** Before the upload: destination check, already-there check, headers for the endpoint. */
    public void before(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String path = m.getHeader(ICloudConstants.RELATIVE_PATH, String.class);
        DestinationException known = broken;
        if (known != null) {
            throw known;
        }
        try {
            verifyOnce();
            OptionalLong size = store.size(path);
            Long expected = m.getHeader(Exchange.CONTENT_LENGTH, Long.class);
            if (size.isPresent() && expected != null && size.getAsLong() == expected) {
                LOG.debug("{} is already in {}", path, destination.name());
                exchange.setProperty(ICloudConstants.ALREADY_THERE, true);
                return;
            }
        } catch (Exception e) {
            throw brokenBy(e);
        }
        destination.prepare(m, path);
    }

    private synchronized void verifyOnce() throws Exception {
        if (broken != null) { // another file of this pass found the destination broken meanwhile
            throw broken;
        }
        if (!verified) {
            store.verify();
            verified = true;
        }
    }

    /** The first destination-level failure of a pass is logged once; files after it fail fast with it. */
    private synchronized DestinationException brokenBy(Exception e) {
        if (broken == null) {
            broken = new DestinationException(destination.explain(e), e);
            LOG.error("{}. Its files are sent on the next run", broken.getMessage());
        }
        return broken;
    }

    /** After the endpoint confirmed the write. */
    public void after(Exchange exchange) {
        LOG.info("Uploaded {} to {}", exchange.getMessage().getHeader(ICloudConstants.RELATIVE_PATH),
                destination.name());
    }

    /** Any failure of this file, returned naming the destination (nothing is recorded; the consumer counts it). */
    public DestinationException failed(Exception e) {
        return e instanceof DestinationException d ? d : new DestinationException(destination.explain(e), e);
    }

    /**
     * {@code --auto-delete}: removes the files an asset of Recently Deleted left here, and their records, so
     * the destination mirrors iCloud. A destination that cannot be reached fails the pass with its name.
     */
    @Override
    public void recentlyDeleted(Asset asset, List<PlannedFile> files) {
        for (PlannedFile f : files) {
            try {
                verifyOnce();
                if (store.size(f.relativePath()).isPresent()) {
                    if (dryRun) {
                        LOG.info("[DRY RUN] Would delete {} from {}", f.relativePath(), destination.name());
                        continue;
                    }
                    store.delete(f.relativePath());
                    LOG.info("Deleted {} from {}", f.relativePath(), destination.name());
                }
            } catch (Exception e) {
                throw brokenBy(e);
            }
            if (!dryRun) {
                delivered.remove(new Delivery(f, f.relativePath()).key());
            }
        }
    }

    @Override
    public void passCompleted(PassResult result) {
        endPass();
    }

    @Override
    public void passFailed(Exception error) {
        endPass();
    }

    private synchronized void endPass() {
        verified = false;
        broken = null;
        store.passEnded();
    }

    /** Closes the existence checks' connection once the route stopped. */
    public void close() {
        store.close();
    }
}
