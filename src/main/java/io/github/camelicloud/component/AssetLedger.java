package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.HeldFiles;
import io.github.camelicloud.sync.SyncPass;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows the files of one page of selected assets until the page is done, then tells for each asset
 * whether the destination holds all of them, whether any was delivered now, and how to verify its copy. Thread-safe: exchanges
 * complete on the download threads.
 */
final class AssetLedger {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Optional<HeldFiles> destination;

    /** @param destination what the route's destination holds, which proves an asset's bytes are there */
    AssetLedger(Optional<HeldFiles> destination) {
        this.destination = destination;
    }

    private static final class Entry {
        final Asset asset;
        final String name;
        int pending;
        boolean failed;
        boolean downloaded;

        Entry(Asset asset, String name) {
            this.asset = asset;
            this.name = name;
        }
    }

    /** A new page: the assets {@code pass} just selected. */
    synchronized void page(SyncPass pass) {
        entries.clear();
        for (Asset a : pass.lastSelected()) {
            entries.put(a.id(), new Entry(a, pass.shownName(a)));
        }
    }

    /** The file is on its way to the destination. */
    synchronized void expect(Delivery d) {
        entry(d).pending++;
    }

    /** The destination confirmed it (or, in a dry run, would have received it). */
    synchronized void delivered(Delivery d, boolean expected) {
        Entry e = entry(d);
        if (expected) {
            e.pending--;
        }
        e.downloaded = true;
    }

    synchronized void failed(Delivery d) {
        Entry e = entry(d);
        e.pending--;
        e.failed = true;
    }

    /** The page's outcomes, in listing order. */
    synchronized List<AssetOutcome> outcomes() {
        return entries.values().stream()
                .map(e -> new AssetOutcome(e.asset, e.name, e.pending == 0 && !e.failed, e.downloaded, proof(e.asset)))
                .toList();
    }

    private AssetOutcome.Proof proof(Asset asset) {
        return destination.<AssetOutcome.Proof>map(d -> () -> d.unproven(asset.id())).orElse(AssetOutcome.Proof.NONE);
    }

    private Entry entry(Delivery d) {
        return entries.computeIfAbsent(d.asset().id(), id -> new Entry(d.asset(), d.asset().fileName().orElse(id)));
    }
}
