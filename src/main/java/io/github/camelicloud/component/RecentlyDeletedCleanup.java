package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.sync.LocalFiles;
import io.github.camelicloud.sync.PlannedFile;
import io.github.camelicloud.sync.RecentlyDeletedFiles;
import io.github.camelicloud.sync.SyncSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * icloudpd's {@code --auto-delete}: after a pass, every asset in Recently Deleted has the files it may have
 * left removed — from the local folder here, and from other destinations by the pass listeners.
 */
final class RecentlyDeletedCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(RecentlyDeletedCleanup.class);

    private RecentlyDeletedCleanup() {
    }

    static void run(PhotoLibrary library, SyncSettings settings, Optional<LocalFiles> local, boolean dryRun,
            List<ICloudPassListener> listeners) {
        if (local.isPresent()) { // icloudpd's line; a remote destination's route logs what it deletes
            LOG.info("Deleting any files found in 'Recently Deleted'...");
        } else {
            LOG.debug("Deleting any files found in 'Recently Deleted'...");
        }
        RecentlyDeletedFiles candidates = new RecentlyDeletedFiles(settings.naming());
        for (Iterator<Asset> it = library.recentlyDeleted().assets(); it.hasNext();) {
            Asset asset = it.next();
            List<PlannedFile> files = candidates.of(asset);
            local.ifPresent(folder -> files.forEach(f -> delete(folder, f.relativePath(), dryRun)));
            for (ICloudPassListener l : listeners) {
                l.recentlyDeleted(asset, files);
            }
        }
    }

    private static void delete(LocalFiles folder, String relative, boolean dryRun) {
        Path path = folder.resolve(relative);
        if (!Files.isRegularFile(path)) {
            return;
        }
        if (dryRun) {
            LOG.info("[DRY RUN] Would delete {}", folder.shown(relative));
            return;
        }
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + folder.shown(relative) + ": " + e.getMessage(), e);
        }
        LOG.info("Deleted {}", folder.shown(relative));
    }
}
