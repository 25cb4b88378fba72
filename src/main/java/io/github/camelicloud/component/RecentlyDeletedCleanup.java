package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.sync.HeldFiles;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * icloudpd's {@code --auto-delete}: after a pass, the route's destination removes every file its record holds as
 * an asset's in Recently Deleted — whatever its name, and never a file recorded as another asset's.
 */
final class RecentlyDeletedCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(RecentlyDeletedCleanup.class);

    private RecentlyDeletedCleanup() {
    }

    /** @param folder the destination is the local folder (icloudpd's log line); remote ones log what they delete */
    static void run(PhotoLibrary library, Optional<HeldFiles> destination, boolean folder, boolean dryRun) {
        if (folder) {
            LOG.info("Deleting any files found in 'Recently Deleted'...");
        } else {
            LOG.debug("Deleting any files found in 'Recently Deleted'...");
        }
        if (destination.isEmpty()) {
            LOG.info("The route's destination keeps no record of its files: nothing is deleted there");
            return;
        }
        for (Iterator<Asset> it = library.recentlyDeleted().assets(); it.hasNext();) {
            destination.get().removeAsset(it.next(), dryRun);
        }
    }
}
