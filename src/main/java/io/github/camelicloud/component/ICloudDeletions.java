package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.PhotoLibrary;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * icloudpd's deletions in iCloud: {@code --delete-after-download} (an asset whose files were delivered
 * now) and {@code --keep-icloud-recent-days N} (a selected asset at least N days old), both only once
 * the destination holds every file of the asset, and every destination proved, just before, that its copies hold
 * the bytes that were downloaded. The asset goes to Recently Deleted, where Apple keeps it
 * about 30 days.
 */
public final class ICloudDeletions {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudDeletions.class);

    private final boolean afterDownload;
    private final Integer keepRecentDays;
    private final boolean dryRun;
    private final Clock clock;

    private ICloudDeletions(boolean afterDownload, Integer keepRecentDays, boolean dryRun, Clock clock) {
        this.afterDownload = afterDownload;
        this.keepRecentDays = keepRecentDays;
        this.dryRun = dryRun;
        this.clock = clock;
    }

    /** Empty when neither option asks for deletions. */
    public static Optional<ICloudDeletions> of(boolean afterDownload, Integer keepRecentDays, boolean dryRun,
            Clock clock) {
        if (keepRecentDays != null && keepRecentDays < 0) {
            throw new IllegalArgumentException("keepRecentDays must be 0 or more, got " + keepRecentDays);
        }
        return afterDownload || keepRecentDays != null
                ? Optional.of(new ICloudDeletions(afterDownload, keepRecentDays, dryRun, clock)) : Optional.empty();
    }

    /** Whether the asset should leave iCloud, given what the destination(s) did with it. */
    public boolean due(Asset asset, String name, boolean held, boolean downloaded) {
        if (!held) {
            return false;
        }
        if (afterDownload && downloaded) {
            return true;
        }
        if (keepRecentDays == null) {
            return false;
        }
        long age = Duration.between(asset.created(), clock.instant()).toDays();
        if (age < keepRecentDays) {
            LOG.debug("Skipping deletion of {} as it is within the keep_icloud_recent_days period ({} days old)",
                    name, age);
            return false;
        }
        return true;
    }

    /**
     * Moves the asset to Recently Deleted (in a dry run: says so) only if every destination proves, now, that it
     * holds the asset's bytes (re-read and hashed, or the stored checksum asked for); returns whether it did.
     */
    public boolean deleteIfProven(PhotoLibrary library, Asset asset, String name, List<AssetOutcome.Proof> proofs) {
        for (AssetOutcome.Proof proof : dryRun ? List.<AssetOutcome.Proof>of() : proofs) { // a dry run wrote nothing
            Optional<String> unproven = proof.unproven();
            if (unproven.isPresent()) {
                LOG.warn("Keeping {} in iCloud: {}", name, unproven.get());
                return false;
            }
        }
        delete(library, asset, name);
        return true;
    }

    private void delete(PhotoLibrary library, Asset asset, String name) {
        if (dryRun) {
            LOG.info("[DRY RUN] Would delete {} in iCloud library {}", name, library.name());
            return;
        }
        library.moveToRecentlyDeleted(asset);
        LOG.info("Deleted {} in iCloud", name);
    }

    public boolean dryRun() {
        return dryRun;
    }
}
