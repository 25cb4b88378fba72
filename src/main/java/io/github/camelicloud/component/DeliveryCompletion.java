package io.github.camelicloud.component;

import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.HeldFiles;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when one file's exchange is done (as camel-file's GenericFileOnCompletion): delivered — recorded as
 * what the destination holds, counted, told to the listeners; failed — counted and logged once, not recorded, so the
 * next pass sends it again.
 */
final class DeliveryCompletion extends SynchronizationAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudConsumer.class);

    private final Delivery delivery;
    private final String shown;
    private final boolean toFolder;
    private final IdempotentRepository delivered;
    private final Optional<HeldFiles> held;
    private final AssetLedger ledger;
    private final PassTally tally;
    private final Supplier<List<ICloudPassListener>> listeners;

    /**
     * @param shown the file as the user knows it (the folder's path, or the relative path)
     * @param delivered the route's record of delivered keys, or null
     */
    DeliveryCompletion(Delivery delivery, String shown, boolean toFolder, IdempotentRepository delivered,
            Optional<HeldFiles> held, AssetLedger ledger, PassTally tally,
            Supplier<List<ICloudPassListener>> listeners) {
        this.delivery = delivery;
        this.shown = shown;
        this.toFolder = toFolder;
        this.delivered = delivered;
        this.held = held;
        this.ledger = ledger;
        this.tally = tally;
        this.listeners = listeners;
    }

    @Override
    public void onComplete(Exchange done) {
        String linked = done.getProperty(ICloudConstants.COPY_OF, String.class);
        if (toFolder && linked != null) {
            LOG.info("Linked {} to {} (the same photo in another album)", shown, linked);
        } else if (toFolder) {
            LOG.info("Downloaded {}", shown); // icloudpd's line for a local folder
        } else {
            LOG.debug("Delivered {}", delivery.relativePath()); // the destination's route logs the upload
        }
        if (delivered != null) {
            delivered.add(delivery.key());
        }
        if (held.isPresent() && !record(held.get(), done)) {
            ledger.failed(delivery);
            return;
        }
        if (done.getProperty(ICloudFileFinisher.METADATA_FAILED) != null) { // delivered, its metadata not written
            held.ifPresent(h -> h.metadataFailed(delivery));
            tally.metadataFailed();
        }
        if (done.getProperty(ICloudConstants.ALREADY_THERE) != null) {
            tally.alreadyThere();
        } else {
            tally.delivered();
        }
        ledger.delivered(delivery, true);
        for (ICloudPassListener l : listeners.get()) {
            l.fileDelivered(delivery.relativePath(), delivery.version().size());
        }
    }

    @Override
    public void onFailure(Exchange failed) {
        tally.failed();
        ledger.failed(delivery);
        LOG.warn("Could not deliver {}: {}", shown, reason(failed.getException()));
        for (ICloudPassListener l : listeners.get()) {
            l.fileFailed(delivery.relativePath(), failed.getException());
        }
    }

    /** Records what the destination now holds; a file that cannot be recorded counts as not delivered. */
    private boolean record(HeldFiles files, Exchange done) {
        try {
            files.delivered(delivery, done.getMessage().getHeader(ICloudConstants.WRITTEN_SHA256, String.class));
            return true;
        } catch (RuntimeException e) {
            tally.failed();
            LOG.warn("Could not record {} as delivered: {}", shown, e.getMessage());
            return false;
        }
    }

    /** The exception's message, and its root cause's when that says more (Camel wraps I/O errors). */
    private static String reason(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
