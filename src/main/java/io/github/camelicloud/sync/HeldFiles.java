package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import java.util.Optional;

/**
 * What one destination holds, decided by content: its record says which asset version and which bytes each
 * file is, so two assets never share a file, a file is "already there" only for the asset version that put it
 * there, nothing is deleted in iCloud that was not verified here, and {@code autoDelete} removes only files
 * recorded as the deleted asset's. The folder ({@link LocalFiles}) and each remote destination have one.
 */
public interface HeldFiles {

    /**
     * Where {@code file} goes here and whether it is there already; called in listing order, so every destination
     * gives a clash the same names. A path handed out earlier in the pass is taken.
     */
    Placement place(PlannedFile file);

    /**
     * The destination confirmed {@code delivery}: recorded, with the SHA-256 (hex) of the bytes written (null: the
     * destination reads them back itself).
     */
    void delivered(Delivery delivery, String sha256);

    /**
     * Re-checks now, before the asset leaves iCloud, that every file recorded as the asset's is here with the bytes
     * that were written: empty when so, else why not (for the log).
     */
    Optional<String> unproven(String assetId);

    /** {@code autoDelete}: removes every file recorded as the asset's, and their records. */
    void removeAsset(Asset asset, boolean dryRun);

    /**
     * {@code autoDelete} under {@code {album}}: removes every file recorded with a key {@code which} accepts (copies
     * for an album folder that no longer holds the photo: renamed, removed, or the photo taken out of it).
     */
    void removeWhere(java.util.function.Predicate<HeldFile> which, boolean dryRun);

    /**
     * {@code delivery}, just recorded, holds the file as downloaded: writing its metadata failed (a damaged JPEG). Its
     * record keeps the metadata as pending, so the next pass writes only the metadata.
     */
    default void metadataFailed(Delivery delivery) {
    }

    /**
     * Where a destination that embeds metadata itself (a remote one; the folder's rewrites are counted by the
     * consumer) counts, for the summary of the pass starting now, the files whose metadata it rewrote and the files
     * whose metadata it could not write.
     */
    default void countMetadata(MetadataCounts counts) {
    }

    /** The counts of one pass's metadata writes. */
    interface MetadataCounts {
        /** A file already there got its metadata rewritten (a metadata-only change in iCloud). */
        void updated();

        /** A file's metadata could not be written (it is tried again on the next run): the pass is not complete. */
        void failed();
    }

    /** The pass is over: paths handed out but not delivered are free again. */
    void passEnded();
}
