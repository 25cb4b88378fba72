package io.github.camelicloud.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What one pass selects, besides naming: icloudpd's {@code --recent}, {@code --until-found},
 * {@code --skip-created-before/after} (already resolved to instants) and {@code --dry-run}.
 */
public record SyncSettings(SyncOptions naming, Optional<Integer> recent, Optional<Integer> untilFound,
        Optional<Instant> skipCreatedBefore, Optional<Instant> skipCreatedAfter, boolean dryRun) {

    /** @throws IllegalArgumentException for a count out of range or a date window no photo can be in */
    public SyncSettings {
        recent.ifPresent(NumericOption.RECENT::checkEndpoint);
        untilFound.ifPresent(NumericOption.UNTIL_FOUND::checkEndpoint);
        if (skipCreatedBefore.isPresent() && skipCreatedAfter.isPresent()
                && !skipCreatedBefore.get().isBefore(skipCreatedAfter.get())) {
            throw new IllegalArgumentException("The date window is empty: skip-created-before (" + skipCreatedBefore.get()
                    + ") must be earlier than skip-created-after (" + skipCreatedAfter.get() + "), or no photo is"
                    + " selected");
        }
    }

    public static SyncSettings of(SyncOptions naming) {
        return new SyncSettings(naming, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
}
