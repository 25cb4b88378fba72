package io.github.camelicloud.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * An asset for a test to add to PrimarySync ({@code POST /_simulator/assets}). The file name is served
 * exactly as given, hostile ones ({@code ../../evil.jpg}, {@code a/b.jpg}, control characters) included.
 *
 * @param itemType  the UTI; null to guess from the extension (public.jpeg when unknown)
 * @param size      exact size of the original in bytes
 * @param assetDate null for the simulator's current time
 * @param album     an album to put it in (created when missing), or null
 * @param liveVideoSize a live photo's video (resOriginalVidCompl) of this size; 0 for a still photo
 */
public record NewAsset(String fileName, String itemType, long size, Instant assetDate, String album,
        long liveVideoSize) {

    public NewAsset {
        Objects.requireNonNull(fileName, "fileName");
        if (size < 0 || liveVideoSize < 0) {
            throw new IllegalArgumentException("sizes must not be negative, got " + size + " and " + liveVideoSize);
        }
    }

    public NewAsset(String fileName, String itemType, long size, Instant assetDate, String album) {
        this(fileName, itemType, size, assetDate, album, 0);
    }

    /** The same asset as a live photo with a video of {@code videoSize} bytes. */
    public NewAsset live(long videoSize) {
        return new NewAsset(fileName, itemType, size, assetDate, album, videoSize);
    }

    public static NewAsset of(String fileName, long size) {
        return new NewAsset(fileName, null, size, null, null);
    }
}
