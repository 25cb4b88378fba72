package io.github.camelicloud.app.destination;

import java.util.OptionalLong;

/**
 * What a remote destination already holds, asked before an upload: an object with the same key and size
 * counts as delivered, so a bucket or server filled earlier is not filled again.
 */
interface RemoteStore extends AutoCloseable {

    /** Checks once per pass that the destination answers (reachable, credentials, bucket, host key). */
    void verify() throws Exception;

    /** Size of the object at {@code key} (relative to the destination's root), empty when absent. */
    OptionalLong size(String key) throws Exception;

    /** Deletes the object at {@code key} (relative to the destination's root). */
    void delete(String key) throws Exception;

    /** Forgets what was learnt during a pass (listings), so the next pass looks again. */
    default void passEnded() {
    }

    @Override
    void close();
}
