package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one destination holds over a round of passes, asset by asset, for the deletions in iCloud. An asset may
 * come by several times (one placement per album folder with {@code {album}}): it counts as held only if every
 * placement holds it (one that does not, earlier or later, rules it out for the round), as downloaded if any
 * placement downloaded it, and its proof re-checks every placement.
 */
public final class HeldAssets {

    private final Map<String, AssetOutcome> held = new LinkedHashMap<>();
    private final Set<String> missing = new HashSet<>();

    /** Takes in one page's outcomes. */
    public void add(List<AssetOutcome> outcomes) {
        for (AssetOutcome o : outcomes) {
            String id = o.asset().id();
            if (!o.held()) {
                held.remove(id);
                missing.add(id);
            } else if (!missing.contains(id)) {
                held.merge(id, slim(o), HeldAssets::both);
            }
        }
    }

    /** The assets every placement holds, each with the proof of all of them. */
    public Collection<AssetOutcome> held() {
        return held.values();
    }

    /** Whether every placement seen holds the asset. */
    public boolean holds(String assetId) {
        return held.containsKey(assetId);
    }

    /** The asset as every placement holds it, or null. */
    public AssetOutcome get(String assetId) {
        return held.get(assetId);
    }

    public void clear() {
        held.clear();
        missing.clear();
    }

    private static AssetOutcome both(AssetOutcome a, AssetOutcome b) {
        AssetOutcome.Proof first = a.proof();
        AssetOutcome.Proof second = b.proof();
        return new AssetOutcome(a.asset(), a.name(), true, a.downloaded() || b.downloaded(),
                () -> first.unproven().or(second::unproven));
    }

    /** Only what a delete and its log line need, so a large round does not hold every listed version. */
    private static AssetOutcome slim(AssetOutcome o) {
        Asset a = o.asset();
        Asset slim = new Asset(a.id(), a.recordName(), a.recordChangeTag(), a.zoneName(), a.fileName(), a.itemType(),
                a.kind(), a.created(), a.createdOffset(), a.added(), a.favorite(), a.hidden(), a.deleted(), a.width(),
                a.height(), Map.of(), null);
        return new AssetOutcome(slim, o.name(), true, o.downloaded(), o.proof());
    }
}
