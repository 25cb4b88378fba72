package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.SyncTokenRejectedException;
import io.github.camelicloud.client.photos.AlbumKind;
import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.LibraryChanges;
import io.github.camelicloud.client.photos.PhotoAlbum;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.client.photos.SharedAlbum;
import io.github.camelicloud.client.photos.SharedStreams;
import io.github.camelicloud.sync.AlbumFolders;
import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.DestinationRecord;
import io.github.camelicloud.sync.HeldFiles;
import io.github.camelicloud.sync.LocalFiles;
import io.github.camelicloud.sync.RecordFile;
import io.github.camelicloud.sync.PartFiles;
import io.github.camelicloud.sync.SyncPass;
import io.github.camelicloud.sync.SyncSettings;
import io.github.camelicloud.sync.SyncTokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a library: each poll is one pass over the selected albums (icloudpd's loop), handed to the route
 * a page of assets at a time — one exchange per file, its body the download stream, opened when the
 * route reads it and closed when the exchange completes. Errors propagate, so Camel's back-off and the
 * consumer health check see them.
 */
public class ICloudConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudConsumer.class);

    /** A Shared Album's order for {@code recent} and {@code untilFound}: the latest added first, then the newest. */
    private static final Comparator<SharedStreams.SharedAsset> NEWEST_ADDITION_FIRST = Comparator
            .comparing((SharedStreams.SharedAsset a) -> a.asset().added())
            .thenComparing(a -> a.asset().created()).reversed();

    private final ICloudEndpoint endpoint;
    private volatile PassTally tally = new PassTally();
    private final Set<String> partsInUse = ConcurrentHashMap.newKeySet();
    /** The trust's end as this poll found it: the header of every file of the poll. */
    private volatile Optional<Instant> trustExpiresAt = Optional.empty();
    /** Pages that may wait for a slow file while later pages download: bounds memory, not speed. */
    private static final int PAGES_OPEN = 8;
    private ExecutorService downloads;
    private final OpenDownloads openDownloads = new OpenDownloads();
    /** Whether this process may go on syncing the account (cluster mode's leadership); set at start. */
    private ICloudPollGate gate = account -> true;
    private String account;
    /** The folder's record of what it holds, opened at the first poll. */
    private DestinationRecord folderRecord;

    public ICloudConsumer(ICloudEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    /**
     * One pass; a pass that left files undelivered ends as a failed poll after its listeners heard the result, so
     * Camel's consumer health check (readiness) and error handling see it in any application, not only the CLI.
     */
    @Override
    protected int poll() throws Exception {
        if (!gate.open(account)) {
            LOG.debug("{} is synced elsewhere now: no pass here", account);
            return 0;
        }
        int exchanges = pass();
        if (!gate.open(account)) {
            LOG.info("Stopped syncing {}: another node syncs it now", account);
        }
        if (tally.failures() > 0) {
            throw new IncompletePassException(tally.result(destinationName()));
        }
        return exchanges;
    }

    private int pass() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        tally = new PassTally();
        partsInUse.clear();
        ICloudConfiguration config = endpoint.getConfiguration();
        for (ICloudPassListener l : endpoint.passListeners()) {
            l.passStarted();
        }
        try {
            SyncSettings settings = ICloudSyncSettings.from(config, Clock.systemDefaultZone());
            ICloudClient client = endpoint.client();
            client.account();
            Optional<HeldFiles> local = heldFiles(client.username());
            if (config.sharedAlbumsSelected()) {
                return sharedAlbums(client, settings, local);
            }
            Optional<SyncTokenStore> tokens = ICloudSyncState.store(endpoint, client.username());
            Optional<SyncTokenStore.Checkpoint> checkpoint = tokens.filter(t -> ICloudSyncState.targetPresent(config))
                    .flatMap(SyncTokenStore::load);
            Optional<ICloudDeletions> deletions = ICloudDeletions.of(config.isDeleteAfterDownload(),
                    config.getKeepRecentDays(), config.isDryRun(), Clock.systemUTC());
            if (checkpoint.isPresent()) {
                Optional<Integer> delivered = incrementalPass(client, tokens.get(), checkpoint.get(), settings, local,
                        deletions);
                if (delivered.isPresent()) {
                    return delivered.get();
                }
            }
            return fullPass(client, tokens, settings, local, deletions);
        } catch (Exception e) {
            mfaAlerts().failed(endpoint, e);
            for (ICloudPassListener l : endpoint.passListeners()) {
                l.passFailed(e);
            }
            throw e;
        }
    }

    /**
     * What the route's destination holds: the folder's record (in the state directory, or for the life of the
     * consumer when there is none), or the one a remote destination's route brings as a pass listener.
     */
    private Optional<HeldFiles> heldFiles(String account) throws java.io.IOException {
        ICloudConfiguration config = endpoint.getConfiguration();
        if (config.getDirectory() == null) {
            Optional<HeldFiles> remote = endpoint.passListeners().stream().map(ICloudPassListener::heldFiles)
                    .flatMap(Optional::stream).findFirst();
            PassTally passTally = tally; // this pass's: metadata rewritten or failed at the destination
            remote.ifPresent(h -> h.countMetadata(new HeldFiles.MetadataCounts() {
                @Override
                public void updated() {
                    passTally.metadataUpdated();
                }

                @Override
                public void failed() {
                    passTally.metadataFailed();
                }
            }));
            return remote;
        }
        synchronized (this) {
            if (folderRecord == null) {
                Path folder = Path.of(config.getDirectory()).toAbsolutePath().normalize();
                Optional<Path> state = ICloudSyncState.stateDirectory(endpoint);
                folderRecord = state.isEmpty() ? DestinationRecord.inMemory() : DestinationRecord.open(new RecordFile(
                        state.get().resolve(RecordFile.name("folder", account, config.recordLibrary(), folder.toString()))));
            }
        }
        return Optional.of(new LocalFiles(Path.of(config.getDirectory()), config.getDirectory(), folderRecord,
                config.isDryRun(), endpoint.metadataRefresh().map(this::counted)));
    }

    /** The folder's metadata rewrites, counted in this pass's summary. */
    private LocalFiles.MetadataRefresh counted(LocalFiles.MetadataRefresh refresh) {
        PassTally passTally = tally;
        return new LocalFiles.MetadataRefresh() {
            @Override
            public Optional<String> fingerprint(Asset asset) {
                return refresh.fingerprint(asset);
            }

            @Override
            public boolean rewrite(Path file, String shown, Asset asset) throws java.io.IOException {
                boolean written = refresh.rewrite(file, shown, asset);
                if (written) {
                    passTally.metadataUpdated();
                }
                return written;
            }

            @Override
            public void failed() {
                passTally.metadataFailed();
            }
        };
    }

    /** icloudpd's pass: every selected album listed in full; a whole-library pass leaves a sync token behind. */
    private int fullPass(ICloudClient client, Optional<SyncTokenStore> tokens, SyncSettings settings,
            Optional<HeldFiles> local, Optional<ICloudDeletions> deletions) throws Exception {
        ICloudConfiguration config = endpoint.getConfiguration();
        client.awaitPhotosReady();
        forceConsumerAsReady();
        PhotoLibrary library = client.photos().library(config.getLibrary());
        sessionWorks(client);
        if (settings.naming().folderStructure().hasAlbum()) {
            int delivered = albumFolders(library, client, settings, local, deletions);
            finish(library, settings, local);
            return delivered;
        }
        int delivered = 0;
        for (PhotoAlbum album : albums(library, config)) {
            long total = PassLog.announce(album, settings, config);
            PhotoAlbum.Cursor cursor = album.assets(listingAhead(deletions), total);
            SyncPass pass = new SyncPass(cursor, settings, local);
            delivered += run(pass, Listing.of(album, library), client, total,
                    pageDeletions(deletions, library, cursor::removedFromAlbum), local, pagesOpen(deletions));
            tally.planned(pass.stats());
            PassLog.allDownloaded(settings, tally.failures(), destinationName());
            if (tokens.isPresent() && cursor.syncToken().isPresent()) {
                checkpoint(tokens.get(), pass, new SyncTokenStore.Checkpoint(library.name(), library.zoneId(),
                        library.shared(), cursor.syncToken().get()));
            }
        }
        finish(library, settings, local);
        return delivered;
    }

    /**
     * {@code {album}}: each selected user album into its own folder (nested album folders nested), then, when every
     * album is selected, the photos in none into the unfiled folder. A photo in three albums is three files of one
     * content: the destination links or copies the first where it can ({@link ICloudConstants#COPY_OF}). With
     * {@code autoDelete}, after a pass that listed every album in full, album copies no album explains any more (an
     * album renamed or removed, a photo taken out) are removed.
     */
    private int albumFolders(PhotoLibrary library, ICloudClient client, SyncSettings settings,
            Optional<HeldFiles> held, Optional<ICloudDeletions> deletions) throws Exception {
        ICloudConfiguration config = endpoint.getConfiguration();
        List<PhotoAlbum> every = library.userAlbums();
        boolean everyAlbum = ICloudSyncSettings.everyAlbum(config);
        List<PhotoAlbum> selected = everyAlbum ? every : albums(library, config);
        AlbumFolders folders = AlbumFolders.of(every, config.getUnfiledFolder());
        Optional<PlacedKeys> placed = held.map(PlacedKeys::new);
        Optional<HeldFiles> local = placed.map(HeldFiles.class::cast);
        Set<String> inAlbums = new HashSet<>();
        HeldAssets round = new HeldAssets(); // a photo leaves iCloud only once every album folder holds it
        boolean complete = true;
        int delivered = 0;
        for (PhotoAlbum album : selected) {
            if (album.kind() != AlbumKind.USER) {
                throw new IllegalArgumentException(album.name() + " is not a user album: {album} in folderStructure"
                        + " puts user albums into folders (leave it out to download " + album.name() + ")");
            }
            long total = PassLog.announce(album, settings, config);
            PhotoAlbum.Cursor cursor = album.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, total);
            Iterator<Asset> members = stream(cursor).peek(a -> inAlbums.add(a.id())).iterator();
            SyncPass pass = new SyncPass(members, settings, local, Optional.of(folders.of(album)));
            delivered += run(pass, Listing.of(album, library), client, total, round::add, local, PAGES_OPEN);
            tally.planned(pass.stats());
            complete &= pass.finished() && passGoesOn();
            if (everyAlbum && passGoesOn()) {
                // recent / untilFound stopped the pass early: the rest of the album is still in an album, not unfiled
                members.forEachRemaining(a -> { });
            }
        }
        if (everyAlbum && passGoesOn()) {
            PhotoAlbum whole = library.all();
            LOG.info("Looking up the photos and videos in no album (into {})...", folders.unfiled().folder());
            PhotoAlbum.Cursor cursor = whole.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, whole.count());
            Iterator<Asset> unfiled = stream(cursor).filter(a -> !inAlbums.contains(a.id())).iterator();
            SyncPass pass = new SyncPass(unfiled, settings, local, Optional.of(folders.unfiled()));
            delivered += run(pass, Listing.of(whole, library), client, -1, round::add, local, PAGES_OPEN);
            tally.planned(pass.stats());
            complete &= pass.finished() && passGoesOn();
        }
        PassLog.allDownloaded(settings, tally.failures(), destinationName());
        if (deletions.isPresent() && complete) { // a pass cut short may have missed a photo's other albums
            for (AssetOutcome o : round.held()) {
                if (deletions.get().due(o.asset(), o.name(), true, o.downloaded())) {
                    deletions.get().deleteIfProven(library, o.asset(), o.name(), List.of(o.proof()));
                }
            }
        }
        if (config.isAutoDelete() && everyAlbum && complete && placed.isPresent() && settings.recent().isEmpty()
                && settings.untilFound().isEmpty()) {
            placed.get().removeUnplaced(config.isDryRun());
        }
        return delivered;
    }

    /**
     * {@code sharedAlbums}: each selected Shared Album into its folder ({@code {album}}, put first when missing), its
     * photos and videos grouped by who added them ({@code {contributor}}, the {@link ICloudConstants#CONTRIBUTOR}
     * header). An album is one pass, newest addition first, so {@code recent} and {@code untilFound} count per
     * album as for user albums, whoever added the photos. An album is listed right before its downloads; a URL that
     * expires meanwhile is refreshed by listing the album again. Nothing is deleted in iCloud: Shared Albums are not
     * the library.
     */
    private int sharedAlbums(ICloudClient client, SyncSettings settings, Optional<HeldFiles> local)
            throws Exception {
        SharedStreams streams = client.sharedStreams();
        List<SharedAlbum> every = streams.albums();
        sessionWorks(client);
        forceConsumerAsReady();
        AlbumFolders folders = AlbumFolders.ofShared(every);
        int delivered = 0;
        for (SharedAlbum album : selectedSharedAlbums(every)) {
            if (!passGoesOn()) {
                break;
            }
            LOG.info("Looking up the photos and videos of the Shared Album {}...", album.name());
            List<SharedStreams.SharedAsset> items = new ArrayList<>(streams.assets(album));
            items.sort(NEWEST_ADDITION_FIRST);
            Map<String, String> contributors = new HashMap<>();
            items.forEach(a -> contributors.put(a.asset().id(), a.contributor()));
            Map<String, AlbumFolders.Place> places = folders.of(album)
                    .byContributor(items.stream().map(SharedStreams.SharedAsset::contributor).distinct().toList());
            SyncPass pass = new SyncPass(items.stream().map(SharedStreams.SharedAsset::asset).iterator(), settings,
                    local, a -> Optional.of(places.get(contributors.get(a.id()))));
            Listing listing = new Listing(album.name(), SharedStreams.ZONE, a -> streams.refresh(album, a),
                    a -> Optional.of(contributors.get(a.id())));
            delivered += run(pass, listing, client, items.size(), outcomes -> { }, local, PAGES_OPEN);
            tally.planned(pass.stats());
        }
        PassLog.allDownloaded(settings, tally.failures(), destinationName());
        report();
        return delivered;
    }

    /** {@code sharedAlbums}' names (or all) among the account's Shared Albums, in Apple's order. */
    private List<SharedAlbum> selectedSharedAlbums(List<SharedAlbum> every) {
        String option = endpoint.getConfiguration().getSharedAlbums().trim();
        if (option.equalsIgnoreCase("all")) {
            return every;
        }
        List<String> names = Arrays.stream(option.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        for (String name : names) {
            if (every.stream().noneMatch(a -> a.name().equals(name))) {
                throw new ICloudException("No Shared Album named " + name + ": the account has "
                        + (every.isEmpty() ? "none" : String.join(", ", every.stream().map(SharedAlbum::name).toList()))
                        + " (see --list-shared-albums)");
            }
        }
        return every.stream().filter(a -> names.contains(a.name())).toList();
    }

    /**
     * Where a pass's assets come from as the exchanges' headers name it, and how one of them gets fresh download
     * URLs when a listed one expired.
     */
    private record Listing(String album, String library, UnaryOperator<Asset> refresh,
            Function<Asset, Optional<String>> contributor) {

        static Listing of(PhotoAlbum album, PhotoLibrary library) {
            return new Listing(album.name(), library.name(), library::refresh, asset -> Optional.empty());
        }
    }

    private static java.util.stream.Stream<Asset> stream(PhotoAlbum.Cursor cursor) {
        return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(cursor,
                java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false);
    }

    /**
     * Only what changed since the stored token, through the same planning and delivery as a full pass; empty
     * when the token is no longer usable (then a full pass follows). Assets hidden or moved to Recently Deleted
     * are not delivered, as a full listing would not show them.
     */
    private Optional<Integer> incrementalPass(ICloudClient client, SyncTokenStore tokens,
            SyncTokenStore.Checkpoint checkpoint, SyncSettings settings, Optional<HeldFiles> local,
            Optional<ICloudDeletions> deletions) throws Exception {
        PhotoLibrary library = client.photos().library(checkpoint.zoneId(), checkpoint.shared());
        LibraryChanges changes;
        try {
            changes = library.changesSince(checkpoint.syncToken());
        } catch (SyncTokenRejectedException e) {
            LOG.info(e.getMessage());
            if (!endpoint.getConfiguration().isDryRun()) {
                tokens.clear();
            }
            return Optional.empty();
        }
        sessionWorks(client);
        forceConsumerAsReady();
        List<Asset> current = changes.assets().stream().filter(a -> !a.deleted() && !a.hidden())
                .sorted(Comparator.comparing(Asset::created).reversed()).toList();
        LOG.info("Looking up changes of {} since the last sync: {} new or changed, {} hidden or deleted, {} records"
                + " removed", library.name(), current.size(), changes.assets().size() - current.size(),
                changes.expunged().size());
        if (!changes.expunged().isEmpty()) {
            // icloudpd #1350: e.g. moved from the Shared Library to a personal one; the photo still exists
            LOG.info("{} record(s) left {} without passing through Recently Deleted (deleted for good, or moved to"
                    + " another library): their local copies are kept", changes.expunged().size(), library.name());
        }
        SyncPass pass = new SyncPass(current.iterator(), settings, local);
        int delivered = run(pass, Listing.of(library.all(), library), client, current.size(),
                pageDeletions(deletions, library, () -> { }), local, pagesOpen(deletions));
        tally.planned(pass.stats());
        PassLog.allDownloaded(settings, tally.failures(), destinationName());
        checkpoint(tokens, pass, new SyncTokenStore.Checkpoint(library.name(), library.zoneId(), library.shared(),
                changes.syncToken()));
        finish(library, settings, local);
        return Optional.of(delivered);
    }

    /** After the downloads: {@code autoDelete}'s clean-up, then the pass report. */
    private void finish(PhotoLibrary library, SyncSettings settings, Optional<HeldFiles> local) {
        ICloudConfiguration config = endpoint.getConfiguration();
        if (config.isAutoDelete()) {
            RecentlyDeletedCleanup.run(library, local, config.getDirectory() != null, config.isDryRun());
        }
        report();
    }

    /** The pass report: logged, and told to the listeners. */
    private void report() {
        PassResult result = tally.result(destinationName());
        LOG.info(result.summary());
        for (ICloudPassListener l : endpoint.passListeners()) {
            l.passCompleted(result);
        }
    }

    /**
     * Routes a pass a page at a time through the {@link DownloadPipeline} (downloads never wait for a page's end,
     * unless {@code pagesOpen} is 1), tells the listeners each page's outcome in page order once all its files are
     * done, and hands it on (to the component's own deletions); returns the exchanges created.
     */
    private int run(SyncPass pass, Listing listing, ICloudClient client, long total,
            Consumer<List<AssetOutcome>> afterPage, Optional<HeldFiles> held, int pagesOpen) throws Exception {
        int delivered = 0;
        DownloadPipeline pipeline = pipeline(pagesOpen);
        while (passGoesOn() && !pass.finished()) {
            List<Delivery> page = pass.next(endpoint.getConfiguration().getPageSize());
            AssetLedger ledger = new AssetLedger(held);
            ledger.page(pass);
            int assetsSoFar = pass.stats().assets();
            List<Exchange> exchanges = exchanges(page, listing, client, ledger, held).stream()
                    .map(Exchange.class::cast).toList();
            delivered += pipeline.submit(exchanges, () -> {
                List<AssetOutcome> outcomes = ledger.outcomes();
                for (ICloudPassListener l : endpoint.passListeners()) {
                    l.pageHandled(outcomes);
                    l.progress(assetsSoFar, total);
                }
                afterPage.accept(outcomes);
            });
        }
        pipeline.drain();
        return delivered;
    }

    /**
     * Pages whose completion may wait while later pages download: 1 (a barrier at each page's end) when this
     * component deletes in iCloud during the pass, since a deletion moves the listing's later ranks and the listing
     * must not run ahead of it; else a few, so one slow file never idles the link.
     */
    private static int pagesOpen(Optional<ICloudDeletions> deletions) {
        return deletions.isPresent() ? 1 : PAGES_OPEN;
    }

    /** Pages listed ahead of the one downloading (none while deleting: see {@link #pagesOpen}). */
    private static int listingAhead(Optional<ICloudDeletions> deletions) {
        return deletions.isPresent() ? 0 : PhotoAlbum.DEFAULT_PAGES_AHEAD;
    }

    private DownloadPipeline pipeline(int pagesOpen) {
        return new DownloadPipeline(downloads, endpoint.getConfiguration().getConcurrency(), pagesOpen,
                this::deliver, this::isBatchAllowed, n -> pendingExchanges = n);
    }

    private static Consumer<List<AssetOutcome>> pageDeletions(Optional<ICloudDeletions> deletions,
            PhotoLibrary library, Runnable removedFromListing) {
        return outcomes -> deletions.ifPresent(d -> deleteInICloud(d, outcomes, library, removedFromListing));
    }

    /** The component's own deletions (one destination); a listing then starts its next page as many ranks lower. */
    private static void deleteInICloud(ICloudDeletions deletions, List<AssetOutcome> outcomes, PhotoLibrary library,
            Runnable removedFromListing) {
        for (AssetOutcome o : outcomes) {
            if (deletions.due(o.asset(), o.name(), o.held(), o.downloaded())
                    && deletions.deleteIfProven(library, o.asset(), o.name(), List.of(o.proof()))) {
                if (!deletions.dryRun()) {
                    removedFromListing.run();
                }
            }
        }
    }

    /**
     * Moves the token forward only after a pass that handled every change: a pass cut short or with a failed
     * file keeps the old token, so the next poll sees those changes again (what was delivered is skipped).
     */
    private void checkpoint(SyncTokenStore tokens, SyncPass pass, SyncTokenStore.Checkpoint checkpoint) {
        if (!pass.finished() || !passGoesOn() || endpoint.getConfiguration().isDryRun()) {
            return;
        }
        if (tally.failures() > 0) {
            LOG.info("{} files were not delivered; the next pass looks at the same changes again",
                    tally.failures());
            return;
        }
        tokens.save(checkpoint);
    }

    /** How the user knows this route's destination: as its route named it, else the folder or the route's id. */
    private String destinationName() {
        return Optional.ofNullable(endpoint.getDestinationName())
                .or(() -> Optional.ofNullable(endpoint.getConfiguration().getDirectory()))
                .orElseGet(() -> "route " + getRouteId());
    }

    /** Apple answered this poll: the session works (the MFA alerts learn its trust expiry). */
    private void sessionWorks(ICloudClient client) {
        trustExpiresAt = client.account().trustExpiresAt();
        mfaAlerts().working(endpoint, trustExpiresAt);
    }

    private ICloudMfaAlerts mfaAlerts() {
        return endpoint.getComponent(ICloudComponent.class).mfaAlerts(endpoint.client(),
                endpoint.getConfiguration().getMfaExpiryWarningDays());
    }

    private static List<PhotoAlbum> albums(PhotoLibrary library, ICloudConfiguration config) {
        if (config.getAlbums() == null || config.getAlbums().isBlank() || ICloudSyncSettings.everyAlbum(config)) {
            return List.of(library.all());
        }
        return Arrays.stream(config.getAlbums().split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .map(library::album).toList();
    }

    private Queue<Object> exchanges(List<Delivery> deliveries, Listing listing, ICloudClient client,
            AssetLedger ledger, Optional<HeldFiles> held) {
        ICloudConfiguration config = endpoint.getConfiguration();
        // a destination that knows what it holds placed the files already; else the route's own record
        IdempotentRepository delivered = held.isPresent() ? null : config.getIdempotentRepository();
        Queue<Object> exchanges = new LinkedList<>();
        for (Delivery d : deliveries) {
            if (delivered != null && delivered.contains(d.key())) {
                LOG.debug("{} was delivered before", d.relativePath());
                tally.alreadyThere();
                continue;
            }
            if (config.isOnlyPrintFilenames()) {
                System.out.println(shown(d)); // icloudpd's print(): the path alone, on stdout
                ledger.delivered(d, false);
                continue;
            }
            if (config.isDryRun()) {
                LOG.info("[DRY RUN] Would download {}", shown(d));
                ledger.delivered(d, false);
                continue;
            }
            ledger.expect(d);
            exchanges.add(exchange(d, listing, client, delivered, ledger, held));
        }
        return exchanges;
    }

    private String shown(Delivery d) {
        return shownPath(d.relativePath());
    }

    private String shownPath(String relativePath) {
        String dir = endpoint.getConfiguration().getDirectory();
        return dir == null ? relativePath : dir + "/" + relativePath;
    }

    private Exchange exchange(Delivery d, Listing listing, ICloudClient client, IdempotentRepository delivered,
            AssetLedger ledger, Optional<HeldFiles> held) {
        Exchange exchange = createExchange(true);
        Message m = exchange.getMessage();
        Asset asset = d.asset();
        m.setHeader(ICloudConstants.ASSET, asset);
        m.setHeader(ICloudConstants.ASSET_ID, asset.id());
        m.setHeader(ICloudConstants.RECORD_NAME, asset.recordName());
        m.setHeader(ICloudConstants.VERSION, d.label());
        m.setHeader(ICloudConstants.FILE_NAME, d.relativePath().substring(d.relativePath().lastIndexOf('/') + 1));
        m.setHeader(ICloudConstants.RELATIVE_PATH, d.relativePath());
        m.setHeader(ICloudConstants.SIZE, d.version().size());
        m.setHeader(Exchange.CONTENT_LENGTH, d.version().size());
        m.setHeader(Exchange.FILE_LENGTH, d.version().size());
        // whole seconds, as icloudpd sets file times
        m.setHeader(Exchange.FILE_LAST_MODIFIED, asset.created().getEpochSecond() * 1000);
        m.setHeader(ICloudConstants.CHECKSUM, d.version().checksum());
        m.setHeader(ICloudConstants.DELIVERY_KEY, d.key());
        m.setHeader(ICloudConstants.CREATED, asset.created());
        m.setHeader(ICloudConstants.ADDED, asset.added());
        m.setHeader(ICloudConstants.FILE_TYPE, d.version().fileType());
        m.setHeader(Exchange.CONTENT_TYPE, MediaTypes.of(d.version().fileType()));
        m.setHeader(ICloudConstants.ITEM_KIND, asset.kind().name());
        m.setHeader(ICloudConstants.FAVORITE, asset.favorite());
        m.setHeader(ICloudConstants.ALBUM, listing.album());
        listing.contributor().apply(asset).ifPresent(c -> m.setHeader(ICloudConstants.CONTRIBUTOR, c));
        d.copyOf().ifPresent(path -> m.setHeader(ICloudConstants.COPY_OF, path));
        m.setHeader(ICloudConstants.LIBRARY, listing.library());
        long resumeFrom = 0;
        ICloudConfiguration config = endpoint.getConfiguration();
        if (config.isResumePartialDownloads() && config.getDirectory() != null) {
            String part = partFile(d);
            resumeFrom = PartFiles.resumeFrom(Path.of(config.getDirectory()).resolve(part), d.version().size());
            m.setHeader(ICloudConstants.PART_FILE, part);
            m.setHeader(ICloudConstants.RESUME_FROM, resumeFrom);
            if (resumeFrom > 0) {
                LOG.info("Resuming downloading of {} from {}", shown(d), resumeFrom);
            }
        }
        trustExpiresAt.ifPresent(t -> m.setHeader(ICloudConstants.TRUST_EXPIRES_AT, t));
        DownloadBody.attach(exchange, client, () -> listing.refresh().apply(asset), d.version(), config, shown(d),
                resumeFrom, openDownloads);
        exchange.getExchangeExtension().addOnCompletion(new DeliveryCompletion(d, shown(d),
                config.getDirectory() != null, delivered, held, ledger, tally, endpoint::passListeners));
        return exchange;
    }

    /**
     * icloudpd's part name; two files of the same bytes in one folder in the same pass (duplicates, routed
     * concurrently) must not append to one part, so the second gets a name of its own.
     */
    private String partFile(Delivery d) {
        String part = PartFiles.relativePart(d.relativePath(), d.version().checksum());
        String candidate = part;
        for (int n = 2; !partsInUse.add(candidate); n++) {
            candidate = part.substring(0, part.length() - ".part".length()) + "-" + n + ".part";
        }
        return candidate;
    }

    @Override
    protected void doStart() throws Exception {
        ICloudConfiguration config = endpoint.getConfiguration();
        account = config.getClient() != null ? config.getClient().username() : config.getUsername();
        ICloudPollGate bound = getEndpoint().getCamelContext().getRegistry().lookupByNameAndType(ICloudPollGate.BEAN,
                ICloudPollGate.class);
        gate = bound != null ? bound : a -> true;
        super.doStart();
        int concurrency = endpoint.getConfiguration().getConcurrency();
        if (concurrency > 1) {
            downloads = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "icloud-downloads", concurrency);
        }
    }

    /**
     * Whether the pass goes on: neither stopping nor gated (a pass cut here goes on at the next poll, or on the
     * account's new node). Camel lets a suspended consumer run, but a shutdown suspends the consumer first and then
     * waits for its exchanges, so a pass that went on would hold the shutdown until its timeout.
     */
    private boolean passGoesOn() {
        return isRunAllowed() && !isSuspendingOrSuspended() && gate.open(account);
    }

    /** Whether the next file starts: checked before each, so a node that lost the account stops at the next file. */
    @Override
    public boolean isBatchAllowed() {
        return super.isBatchAllowed() && !isSuspendingOrSuspended() && gate.open(account);
    }

    /** A shutdown suspends the consumer first: the pass ends now, its downloads cut, instead of being waited for. */
    @Override
    protected void doSuspend() throws Exception {
        openDownloads.cutAll();
        super.doSuspend();
    }

    @Override
    protected void doStop() throws Exception {
        openDownloads.cutAll();
        synchronized (this) {
            if (folderRecord != null) {
                folderRecord.close();
                folderRecord = null;
            }
        }
        if (downloads != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(downloads);
            downloads = null;
        }
        super.doStop();
    }

    /** Routes a batch's exchanges, {@code concurrency} at a time, and returns when all are done. */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        DownloadPipeline pipeline = pipeline(1);
        int total = pipeline.submit(exchanges.stream().map(Exchange.class::cast).toList(), () -> { });
        pipeline.drain();
        return total;
    }

    private void deliver(Exchange exchange) {
        LOG.debug("Downloading {}...", shownPath(exchange.getMessage().getHeader(ICloudConstants.RELATIVE_PATH,
                String.class)));
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error delivering "
                    + exchange.getMessage().getHeader(Exchange.FILE_NAME), exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
