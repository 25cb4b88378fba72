package io.github.camelicloud.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * What one pass selects, besides naming: icloudpd's {@code --recent}, {@code --until-found},
 * {@code --skip-created-before/after} (already resolved to instants) and {@code --dry-run}.
 */
public record SyncSettings(SyncOptions naming, Optional<Integer> recent, Optional<Integer> untilFound,
        Optional<Instant> skipCreatedBefore, Optional<Instant> skipCreatedAfter, boolean dryRun) {

    public static SyncSettings of(SyncOptions naming) {
        return new SyncSettings(naming, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
}
