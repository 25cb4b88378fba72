package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.sync.PlannedFile;
import java.util.List;

/** Hears when a consumer's pass over the library ends: the CLI's run-once mode stops then. */
public interface ICloudPassListener {

    /** A pass over the library ended; {@code result} says whether every file reached the destination. */
    void passCompleted(PassResult result);

    /** After each page: how many assets of {@code total} (-1 when unknown) were handled so far. */
    default void progress(int assetsDone, long total) {
    }

    void passFailed(Exception error);

    /**
     * After each page, once its files were routed: for each selected asset, whether this destination holds
     * all its files and whether any was delivered now (what deletions in iCloud are decided on).
     */
    default void pageHandled(List<AssetOutcome> outcomes) {
    }

    /**
     * With {@code autoDelete}: an asset found in Recently Deleted and every file it may have left at a
     * destination (relative paths, with their delivery keys), for destinations other than the local folder.
     */
    default void recentlyDeleted(Asset asset, List<PlannedFile> files) {
    }

    /** A file reached the route's destination ({@code bytes}: its size in iCloud). */
    default void fileDelivered(String relativePath, long bytes) {
    }

    /** A file did not reach the route's destination; it is tried again on the next pass. */
    default void fileFailed(String relativePath, Exception error) {
    }
}
