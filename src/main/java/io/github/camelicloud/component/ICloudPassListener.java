package io.github.camelicloud.component;

import io.github.camelicloud.sync.SyncPass;

/** Hears when a consumer's pass over the library ends: the CLI's run-once mode stops then. */
public interface ICloudPassListener {

    void passCompleted(SyncPass.Stats stats);

    /** After each page: how many assets of {@code total} (-1 when unknown) were handled so far. */
    default void progress(int assetsDone, long total) {
    }

    void passFailed(Exception error);

    /** A file reached the route's destination ({@code bytes}: its size in iCloud). */
    default void fileDelivered(String relativePath, long bytes) {
    }

    /** A file did not reach the route's destination; it is tried again on the next pass. */
    default void fileFailed(String relativePath, Exception error) {
    }
}
