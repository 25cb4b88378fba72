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
import io.github.camelicloud.sync.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Exchange property: the metadata fingerprint written into the file being uploaded (pending: it failed). */
    static final String WRITTEN_METADATA = "CamelICloudWrittenMetadata";
    private static final HeldFiles.MetadataCounts NO_COUNTS = new HeldFiles.MetadataCounts() {
        @Override
        public void updated() {
        }

        @Override
        public void failed() {
        }
    };

    private final Destination destination;
    private final RemoteStore store;
    private final IdempotentRepository delivered;
    private final Placements placements;
    private final boolean dryRun;
    private final RemoteMetadata metadata;
    /** What was written into each file delivered in this pass (by delivery key): recorded with it. */
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private volatile HeldFiles.MetadataCounts counts = NO_COUNTS;
    private volatile boolean verified;
    private volatile DestinationException broken;

    /** @param delivered the destination's record, from which files deleted here are removed */
    public RemoteDelivery(Destination destination, org.apache.camel.CamelContext camel, IdempotentRepository delivered,
            boolean dryRun) {
        this(destination, camel, delivered, dryRun, RemoteMetadata.NONE);
    }

    /** @param metadata what is written into (and next to) each file: embedded metadata, XMP sidecars */
    public RemoteDelivery(Destination destination, org.apache.camel.CamelContext camel, IdempotentRepository delivered,
            boolean dryRun, RemoteMetadata metadata) {
        this.metadata = dryRun ? RemoteMetadata.NONE : metadata;
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
                refreshMetadata(file);
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
        placements.record().put(new HeldFile(delivery.key(), delivery.relativePath(), sha256,
                fingerprints.remove(delivery.key())));
    }

    @Override
    public void countMetadata(HeldFiles.MetadataCounts counts) {
        this.counts = counts;
    }

    /**
     * With {@code --embed-metadata} or {@code --xmp-sidecar}: the file streamed into a {@link Spool} and its metadata
     * embedded there, so the upload sends (and S3 checks, and the record keeps the SHA-256 of) the embedded bytes.
     * Empty when nothing is written into this file (metadata off, a live photo's video). A file that cannot be
     * embedded (damaged) is uploaded as downloaded and its metadata recorded as pending: the pass counts it failed,
     * and the next run writes only the metadata.
     */
    public Optional<Spool> spooled(Exchange exchange) throws Exception {
        Message m = exchange.getMessage();
        Asset asset = m.getHeader(ICloudConstants.ASSET, Asset.class);
        String version = m.getHeader(ICloudConstants.VERSION, "", String.class);
        String path = m.getHeader(ICloudConstants.RELATIVE_PATH, String.class);
        if (!metadata.any() || asset == null || version.startsWith("live-")) {
            return Optional.empty();
        }
        if (!metadata.embed()) { // a sidecar only: the file streams through as before, the sidecar follows it
            exchange.setProperty(WRITTEN_METADATA, metadata.fingerprint(asset).orElseThrow());
            return Optional.empty();
        }
        Spool spool = Spool.of(path);
        try {
            spool.fill(m.getMandatoryBody(java.io.InputStream.class));
            String written = metadata.fingerprint(asset).orElseThrow();
            try {
                metadata.embedInto(spool, asset);
            } catch (java.io.IOException e) {
                LOG.error("Error embedding metadata in {} for {} (uploaded as downloaded; its metadata is written on"
                        + " the next run): {}", path, destination.name(), e.getMessage());
                written = HeldFile.pendingMetadata(written);
            }
            exchange.setProperty(WRITTEN_METADATA, written);
            m.setHeader(Exchange.CONTENT_LENGTH, java.nio.file.Files.size(spool.file()));
            destination.prepare(m, path);
            return Optional.of(spool);
        } catch (Exception e) {
            spool.close();
            throw e;
        }
    }

    /**
     * After the destination confirmed the upload (or server-side copy) of a file: its sidecar next to it, and what
     * was written into it kept for its record. A file whose metadata failed is counted as failed.
     */
    public void metadataWritten(Exchange exchange, Optional<Spool> spool) throws Exception {
        Message m = exchange.getMessage();
        Asset asset = m.getHeader(ICloudConstants.ASSET, Asset.class);
        String path = m.getHeader(ICloudConstants.RELATIVE_PATH, String.class);
        String key = m.getHeader(ICloudConstants.DELIVERY_KEY, String.class);
        String written = exchange.getProperty(WRITTEN_METADATA, String.class);
        if (written == null || key == null) {
            return;
        }
        if (metadata.sidecar()) {
            try (Spool sidecar = spool.isPresent() ? null : Spool.of(path)) {
                Optional<java.nio.file.Path> xmp = metadata.sidecarOf(spool.orElse(sidecar), asset);
                if (xmp.isPresent()) {
                    store.upload(xmp.get(), RemoteMetadata.sidecarKey(path));
                }
            } catch (Exception e) {
                LOG.error("Error writing the XMP sidecar of {} to {} (written on the next run): {}", path,
                        destination.name(), destination.explain(e));
                written = written.startsWith("pending:") ? written : HeldFile.pendingMetadata(written);
            }
        }
        fingerprints.put(key, written);
        if (written.startsWith("pending:")) {
            counts.failed();
        }
    }

    /**
     * A file this destination holds whose iCloud metadata changed since it was written (same checksum, another
     * caption, keywords, favourite or location), or whose metadata failed last time: read back into a {@link Spool},
     * checked against the SHA-256 recorded as delivered (other bytes there are not overwritten: reported), embedded
     * again, and put back (atomically), its sidecar too; nothing is downloaded from iCloud. A record without a
     * fingerprint (delivered before, or without metadata) gets the current one: an upgrade rewrites nothing.
     */
    private void refreshMetadata(PlannedFile file) {
        if (!metadata.any() || file.label().startsWith("live-") || placements == null) {
            return;
        }
        String now = metadata.fingerprint(file.asset()).orElseThrow();
        Optional<HeldFile> held = placements.record().of(Delivery.keyOf(file));
        if (held.isEmpty() || held.get().sha256() == null || held.get().isStale()
                || now.equals(held.get().metadata())) {
            return;
        }
        HeldFile f = held.get();
        if (f.metadata() == null) {
            placements.record().put(f.rewritten(f.sha256(), now)); // nothing read: an upgrade costs no I/O
            return;
        }
        try (Spool spool = Spool.of(f.path())) {
            verifyOnce();
            if (!metadata.embed()) { // a sidecar only: the object is not read
                store.upload(metadata.sidecarOf(spool, file.asset()).orElseThrow(),
                        RemoteMetadata.sidecarKey(f.path()));
                placements.record().put(f.rewritten(f.sha256(), now));
                LOG.info("Updated the metadata of {} in {}", f.path(), destination.name());
                counts.updated();
                return;
            }
            store.download(f.path(), spool.file());
            if (!Sha256.of(spool.file()).equals(f.sha256())) {
                LOG.error("{} in {} does not hold the bytes that were uploaded: its metadata is not rewritten (the file"
                        + " is left as it is)", f.path(), destination.name());
                counts.failed();
                return;
            }
            String written = now;
            boolean embedded;
            try {
                embedded = metadata.embedInto(spool, file.asset());
            } catch (java.io.IOException e) {
                LOG.error("Error embedding metadata in {} for {} (written on the next run): {}", f.path(),
                        destination.name(), e.getMessage());
                embedded = false;
                written = HeldFile.pendingMetadata(now);
            }
            if (embedded) {
                store.upload(spool.file(), f.path());
            }
            Optional<java.nio.file.Path> xmp = metadata.sidecarOf(spool, file.asset());
            if (xmp.isPresent()) {
                store.upload(xmp.get(), RemoteMetadata.sidecarKey(f.path()));
            }
            placements.record().put(f.rewritten(embedded ? Sha256.of(spool.file()) : f.sha256(), written));
            if (!written.equals(now)) {
                counts.failed();
            } else if (embedded || xmp.isPresent()) {
                LOG.info("Updated the metadata of {} in {}", f.path(), destination.name());
                counts.updated();
            }
        } catch (Exception e) {
            LOG.error("Error updating the metadata of {} in {} (tried again on the next run): {}", f.path(),
                    destination.name(), destination.explain(e));
            counts.failed();
        }
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
        if (source.get().metadata() != null && metadata.any()) { // the copy holds what was embedded in its source
            exchange.setProperty(WRITTEN_METADATA, source.get().metadata());
        }
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
        fingerprints.clear();
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
