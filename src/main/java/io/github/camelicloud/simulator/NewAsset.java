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
 */
public record NewAsset(String fileName, String itemType, long size, Instant assetDate, String album) {

    public NewAsset {
        Objects.requireNonNull(fileName, "fileName");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
    }

    public static NewAsset of(String fileName, long size) {
        return new NewAsset(fileName, null, size, null, null);
    }
}
