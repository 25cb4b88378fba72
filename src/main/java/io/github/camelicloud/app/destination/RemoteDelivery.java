package io.github.camelicloud.app.destination;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.HeldFile;
import io.github.camelicloud.sync.HeldFiles;
import io.github.camelicloud.sync.Placement;
import io.github.camelicloud.sync.Placements;
import io.github.camelicloud.sync.PlannedFile;
import io.github.camelicloud.component.PassResult;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote destination's side of its route: what it holds ({@link HeldFiles}: each file placed by the one naming
 * rule against its record, recorded with the SHA-256 of the bytes sent, verified before a deletion in iCloud,
 * removed by {@code autoDelete} only when recorded as the deleted asset's), and the steps around its endpoint:
 * before a file, make sure the destination answers (once per pass — after a destination-level failure the rest
 * of the pass fails fast instead of retrying every file); after it, count and log; on failure, a message that
 * names the destination. Thread-safe: the consumer may route several files at once.
 */
public final class RemoteDelivery implements ICloudPassListener, HeldFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteDelivery.class);

    private final Destination destination;
    private final RemoteStore store;
    private final IdempotentRepository delivered;
    private final Placements placements;
    private final boolean dryRun;
    private volatile boolean verified;
    private volatile DestinationException broken;

    /** @param delivered the destination's record, from which files deleted here are removed */
    public RemoteDelivery(Destination destination, org.apache.camel.CamelContext camel, IdempotentRepository delivered,
            boolean dryRun) {
        this.destination = destination;
        this.store = destination.store(camel);
        this.delivered = delivered;
        this.placements = delivered instanceof DeliveredRecord r ? new Placements(r.record(),
                this::sizeOf, false, dryRun) : null;
        this.dryRun = dryRun;
    }

    public Destination destination() {
        return destination;
    }

    /**
     * Before the upload (placed already, so it goes there): destination check, headers for the endpoint, and the
     * path recorded as being written ({@link HeldFile#writing}; in cluster mode a fenced write, so a node that lost
     * the account uploads nothing more).
     */
    public void before(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String path = m.getHeader(ICloudConstants.RELATIVE_PATH, String.class);
        DestinationException known = broken;
        if (known != null) {
            throw known;
        }
        try {
            verifyOnce();
        } catch (Exception e) {
            throw brokenBy(e);
        }
        destination.prepare(m, path);
        if (placements != null) { // replaced by the file's SHA-256 once the destination confirmed the write
            placements.record().put(HeldFile.writing(m.getHeader(ICloudConstants.DELIVERY_KEY, String.class), path));
        }
    }

    @Override
    public Optional<HeldFiles> heldFiles() {
        return placements == null ? Optional.empty() : Optional.of(this);
    }

    @Override
    public Placement place(PlannedFile file) {
        try {
            Placement p = placements.place(file);
            if (p.exists()) {
                LOG.debug("{} is already in {}", p.relativePath(), destination.name());
            }
            return p;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw brokenBy(e);
        }
    }

    /**
     * A size for the naming rule; when the destination cannot answer, the file is planned under its name and its
     * upload fails fast with the destination's error (nothing is written, nothing overwritten).
     */
    private OptionalLong sizeOf(String path) {
        if (broken != null) {
            return OptionalLong.empty();
        }
        try {
            verifyOnce();
            return store.size(path);
        } catch (Exception e) {
            brokenBy(e);
            return OptionalLong.empty();
        }
    }

    @Override
    public void delivered(Delivery delivery, String sha256) {
        placements.record().put(new HeldFile(delivery.key(), delivery.relativePath(), sha256));
    }

    @Override
    public Optional<String> unproven(String assetId) {
        return placements.record().prove(assetId, destination.name(), f -> {
            verifyOnce();
            return store.differs(f.path(), f.sha256());
        });
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

    /**
     * Under {@code {album}}: when the destination holds this content already (the photo's copy in another album)
     * and can copy it on the server, copies it there and returns true (the download is never opened); false: upload.
     */
    public boolean copied(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        String from = m.getHeader(ICloudConstants.COPY_OF, String.class);
        Optional<HeldFile> source = from == null || placements == null ? Optional.empty()
                : placements.record().at(from).filter(f -> f.sha256() != null && !f.isStale());
        if (source.isEmpty()) {
            return false;
        }
        String to = m.getHeader(ICloudConstants.RELATIVE_PATH, String.class);
        try {
            if (!store.copy(from, to)) {
                return false;
            }
        } catch (Exception e) {
            LOG.info("Could not copy {} to {} in {} ({}); uploading it", from, to, destination.name(), e.getMessage());
            return false;
        }
        m.setHeader(ICloudConstants.WRITTEN_SHA256, source.get().sha256());
        LOG.info("Copied {} to {} in {}", from, to, destination.name());
        return true;
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
     * {@code --auto-delete}: removes the files recorded as an asset's of Recently Deleted, and their records, so
     * the destination mirrors iCloud. A destination that cannot be reached fails the pass with its name.
     */
    @Override
    public void removeAsset(Asset asset, boolean dryRun) {
        remove(placements.record().ofAsset(asset.id()), dryRun);
    }

    @Override
    public void removeWhere(java.util.function.Predicate<HeldFile> which, boolean dryRun) {
        remove(placements.record().files().stream().filter(which).toList(), dryRun);
    }

    private void remove(java.util.List<HeldFile> files, boolean dryRun) {
        for (HeldFile f : files) {
            try {
                verifyOnce();
                if (store.size(f.path()).isPresent()) {
                    if (dryRun) {
                        LOG.info("[DRY RUN] Would delete {} from {}", f.path(), destination.name());
                        continue;
                    }
                    store.delete(f.path());
                    LOG.info("Deleted {} from {}", f.path(), destination.name());
                }
            } catch (Exception e) {
                throw brokenBy(e);
            }
            if (!dryRun) {
                placements.record().remove(f.path());
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
        passEnded();
    }

    @Override
    public void passEnded() {
        if (placements != null) {
            placements.passEnded();
        }
    }

    /** Closes the existence checks' connection once the route stopped. */
    public void close() {
        store.close();
    }
}
