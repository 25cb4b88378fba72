package io.github.camelicloud.app;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.component.ICloudConfiguration;
import io.github.camelicloud.component.ICloudDeletions;
import java.time.Clock;
import picocli.CommandLine.Option;

/** icloudpd's deletion flags: in iCloud once the photos are safe, and locally when deleted in iCloud. */
final class DeletionOptions {

    @Option(names = "--delete-after-download",
            description = "Move a photo to Recently Deleted in iCloud once this run delivered it to every destination")
    boolean deleteAfterDownload;

    @Option(names = "--keep-icloud-recent-days", paramLabel = "N",
            description = "Move photos older than N days to Recently Deleted in iCloud once every destination holds"
                    + " them (0: every one)")
    Integer keepIcloudRecentDays;

    @Option(names = "--auto-delete",
            description = "Delete the files of photos found in iCloud's Recently Deleted from every destination")
    boolean autoDelete;

    /** @throws IllegalArgumentException naming the flags that do not fit */
    void validate() {
        if (autoDelete && deleteAfterDownload) { // as icloudpd: the downloaded photos would be deleted locally next
            throw new IllegalArgumentException("--auto-delete and --delete-after-download are mutually exclusive");
        }
        if (deleteAfterDownload && keepIcloudRecentDays != null) {
            throw new IllegalArgumentException("--keep-icloud-recent-days and --delete-after-download should not be"
                    + " used together: --delete-after-download is --keep-icloud-recent-days 0 for the photos"
                    + " downloaded now");
        }
    }

    /** What each endpoint does on its own: the local clean-up of Recently Deleted. */
    void applyTo(ICloudConfiguration config) {
        config.setAutoDelete(autoDelete);
        if (keepIcloudRecentDays != null) {
            // assets come of age with no change to report: every pass must look at the whole library
            config.setIncrementalSync(false);
        }
    }

    /** The deletions in iCloud, decided once every destination's pass is over. */
    DeletionRounds rounds(ICloudClient client, String library, boolean dryRun) {
        return ICloudDeletions.of(deleteAfterDownload, keepIcloudRecentDays, dryRun, Clock.systemUTC())
                .map(d -> new DeletionRounds(client, library, d)).orElseGet(DeletionRounds::none);
    }
}
