package io.github.camelicloud.client.photos;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changed in a library since a sync token: every asset whose CPLMaster or CPLAsset changed, at its latest
 * state (new, edited, favourite, hidden and moved-to-Recently-Deleted ones alike: the caller decides), the
 * record names removed for good, and the token to ask from next time.
 *
 * @param expunged  recordNames of tombstones (masters or assets removed for good, incl. after 30 days in the trash)
 * @param syncToken the token after these changes; store it only once they were handled
 */
public record LibraryChanges(List<Asset> assets, Set<String> expunged, String syncToken) {

    public LibraryChanges {
        assets = List.copyOf(assets);
        expunged = Set.copyOf(expunged);
        Objects.requireNonNull(syncToken, "syncToken");
    }

    public boolean isEmpty() {
        return assets.isEmpty() && expunged.isEmpty();
    }
}
