package io.github.camelicloud.app.destination;

import java.util.OptionalLong;

/**
 * A remote destination's files as they are: sizes (for the naming rule's files no record explains), the bytes
 * each holds (verified before a deletion in iCloud), deletions.
 */
interface RemoteStore extends AutoCloseable {

    /** Checks once per pass that the destination answers (reachable, credentials, bucket, host key). */
    void verify() throws Exception;

    /** Size of the object at {@code key} (relative to the destination's root), empty when absent. */
    OptionalLong size(String key) throws Exception;

    /**
     * Whether the object at {@code key} holds bytes of this SHA-256 (hex), asked just before a deletion in iCloud:
     * empty when it does, else what is wrong.
     */
    java.util.Optional<String> differs(String key, String sha256) throws Exception;

    /** Streams the object at {@code key} into {@code file} (a {@link Spool}'s), replacing what it held. */
    void download(String key, java.nio.file.Path file) throws Exception;

    /**
     * Replaces the object at {@code key} with the bytes of {@code file}, atomically: readers see the old object or
     * the new one, never part of it (an S3 put; on SFTP a temporary name, then a rename).
     */
    void upload(java.nio.file.Path file, String key) throws Exception;

    /** Deletes the object at {@code key} (relative to the destination's root). */
    void delete(String key) throws Exception;

    /**
     * Copies the object at {@code from} to {@code to} on the server (no bytes through this process); false when
     * this destination cannot (the file is uploaded instead).
     */
    default boolean copy(String from, String to) throws Exception {
        return false;
    }

    /** Forgets what was learnt during a pass (listings), so the next pass looks again. */
    default void passEnded() {
    }

    @Override
    void close();
}
