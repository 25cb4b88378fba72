package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.ItemKind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over an album, icloudpd's loop: newest first, {@code --recent} assets at most, the created
 * date filters, the plan of each asset's files, what the local folder already holds, and
 * {@code --until-found} (stop after N consecutive assets whose files were all there). Handed out in
 * batches so a caller never holds more than a page of work. Not thread-safe.
 */
public final class SyncPass {

    private static final Logger LOG = LoggerFactory.getLogger(SyncPass.class);

    private final Iterator<Asset> assets;
    private final SyncSettings settings;
    private final DownloadPlanner planner;
    private final Optional<? extends HeldFiles> local;
    private final Function<Asset, Optional<AlbumFolders.Place>> place;
    private int assetsSeen;
    private int consecutiveFound;
    private boolean stopped;
    private final Stats stats = new Stats();
    private final List<Asset> lastSelected = new ArrayList<>();

    public SyncPass(Iterator<Asset> assets, SyncSettings settings, Optional<? extends HeldFiles> local) {
        this(assets, settings, local, Optional.empty());
    }

    /** @param album the album folder this pass fills ({@code {album}} layouts) */
    public SyncPass(Iterator<Asset> assets, SyncSettings settings, Optional<? extends HeldFiles> local,
            Optional<AlbumFolders.Place> album) {
        this(assets, settings, local, asset -> album);
    }

    /**
     * One pass over an album whose photos go to different places: a Shared Album's, by who added each, counted
     * together for {@code recent} and {@code untilFound}.
     */
    public SyncPass(Iterator<Asset> assets, SyncSettings settings, Optional<? extends HeldFiles> local,
            Function<Asset, Optional<AlbumFolders.Place>> place) {
        this.place = place;
        this.assets = assets;
        this.settings = settings;
        this.planner = new DownloadPlanner(settings.naming());
        this.local = local;
    }

    /** The next deliveries, from at most {@code maxAssets} assets; empty when the pass is over. */
    public List<Delivery> next(int maxAssets) {
        List<Delivery> batch = new ArrayList<>();
        lastSelected.clear();
        int taken = 0;
        while (taken < maxAssets && hasMoreAssets()) {
            Asset asset = assets.next();
            assetsSeen++;
            taken++;
            batch.addAll(deliveries(asset));
        }
        return batch;
    }

    /**
     * The assets of the last {@link #next} that passed the filters and have files to deliver (already
     * there or not): what a deletion in iCloud may consider once their files are safe.
     */
    public List<Asset> lastSelected() {
        return List.copyOf(lastSelected);
    }

    /** The asset's file name as the logs show it (icloudpd's name, with the id part under name-id7). */
    public String shownName(Asset asset) {
        return planner.baseName(asset);
    }

    public boolean finished() {
        return !hasMoreAssets();
    }

    public Stats stats() {
        return stats;
    }

    private boolean hasMoreAssets() {
        if (stopped) {
            return false;
        }
        if (settings.untilFound().isPresent() && consecutiveFound >= settings.untilFound().get()) {
            LOG.info("Found {} consecutive previously downloaded photos. Exiting", settings.untilFound().get());
            stopped = true;
            return false;
        }
        if (settings.recent().isPresent() && assetsSeen >= settings.recent().get()) {
            stopped = true;
            return false;
        }
        return assets.hasNext();
    }

    private List<Delivery> deliveries(Asset asset) {
        stats.assets++;
        if (!selected(asset)) {
            stats.skippedAssets++;
            return List.of();
        }
        List<Delivery> result = new ArrayList<>();
        List<PlannedFile> planned = planner.plan(asset, place.apply(asset));
        if (!planned.isEmpty()) {
            lastSelected.add(asset);
        }
        for (PlannedFile file : planned) {
            Placement placement = local.isPresent() ? local.get().place(file)
                    : new Placement(file.relativePath(), false);
            boolean primary = !file.label().startsWith("live-");
            if (placement.exists()) {
                stats.existingFiles++;
                if (primary) {
                    consecutiveFound++;
                }
                continue;
            }
            if (primary) {
                consecutiveFound = 0;
            }
            result.add(new Delivery(file, placement.relativePath(), placement.copyOf()));
        }
        stats.deliveries += result.size();
        return result;
    }

    private boolean selected(Asset asset) {
        if (settings.naming().skipVideos() && asset.kind() == ItemKind.MOVIE) {
            LOG.debug("Skipping {}, only downloading photos. (Item type was: MOVIE)", planner.baseName(asset));
            return false;
        }
        if (settings.naming().skipPhotos() && asset.kind() == ItemKind.IMAGE) {
            LOG.debug("Skipping {}, only downloading videos. (Item type was: IMAGE)", planner.baseName(asset));
            return false;
        }
        if (settings.skipCreatedBefore().filter(t -> asset.created().isBefore(t)).isPresent()) {
            LOG.debug("Skipping {}, as it was created {}, before {}.", planner.baseName(asset),
                    pythonTime(asset.created()), pythonTime(settings.skipCreatedBefore().get()));
            return false;
        }
        if (settings.skipCreatedAfter().filter(t -> asset.created().isAfter(t)).isPresent()) {
            LOG.debug("Skipping {}, as it was created {}, after {}.", planner.baseName(asset),
                    pythonTime(asset.created()), pythonTime(settings.skipCreatedAfter().get()));
            return false;
        }
        return true;
    }

    /** A time as icloudpd prints it (Python's str of an aware datetime), in the local zone. */
    static String pythonTime(Instant instant) {
        ZonedDateTime t = instant.atZone(ZoneId.systemDefault());
        String micros = t.getNano() / 1000 == 0 ? "" : String.format(Locale.ROOT, ".%06d", t.getNano() / 1000);
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)) + micros
                + t.format(DateTimeFormatter.ofPattern("xxx", Locale.ROOT));
    }

    /** Counts of one pass, for the log and for metrics. */
    public static final class Stats {
        private int assets;
        private int skippedAssets;
        private int existingFiles;
        private int deliveries;

        public int assets() {
            return assets;
        }

        public int skippedAssets() {
            return skippedAssets;
        }

        public int existingFiles() {
            return existingFiles;
        }

        public int deliveries() {
            return deliveries;
        }
    }
}
