package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.HeldFile;
import io.github.camelicloud.sync.HeldFiles;
import io.github.camelicloud.sync.Placement;
import io.github.camelicloud.sync.PlannedFile;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A destination's {@link HeldFiles} that remembers the key of every file placed in a pass: after a complete
 * {@code {album}} pass over every album, an album copy whose key was not placed belongs to no album any more.
 */
final class PlacedKeys implements HeldFiles {

    private final HeldFiles held;
    private final Set<String> keys = ConcurrentHashMap.newKeySet();

    PlacedKeys(HeldFiles held) {
        this.held = held;
    }

    /** {@code autoDelete}: removes the album copies this pass did not place (album renamed or removed, photo taken out). */
    void removeUnplaced(boolean dryRun) {
        removeWhere(f -> Delivery.placed(f.key()) && !keys.contains(f.key()), dryRun);
    }

    @Override
    public Placement place(PlannedFile file) {
        keys.add(Delivery.keyOf(file));
        return held.place(file);
    }

    @Override
    public void delivered(Delivery delivery, String sha256) {
        held.delivered(delivery, sha256);
    }

    @Override
    public Optional<String> unproven(String assetId) {
        return held.unproven(assetId);
    }

    @Override
    public void removeAsset(Asset asset, boolean dryRun) {
        held.removeAsset(asset, dryRun);
    }

    @Override
    public void removeWhere(Predicate<HeldFile> which, boolean dryRun) {
        held.removeWhere(which, dryRun);
    }

    @Override
    public void passEnded() {
        held.passEnded();
    }
}
