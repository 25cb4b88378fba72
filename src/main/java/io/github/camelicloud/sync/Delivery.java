package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;

/**
 * A file to send to the destination: the planned version and its final relative path (after
 * icloudpd's de-duplication against what the target already holds).
 */
public record Delivery(PlannedFile file, String relativePath) {

    public Asset asset() {
        return file.asset();
    }

    public AssetVersion version() {
        return file.version();
    }

    public String label() {
        return file.label();
    }

    /** What identifies this content at a destination: asset, version kind and Apple's checksum. */
    public String key() {
        return keyOf(file);
    }

    public static String keyOf(PlannedFile file) {
        return file.asset().id() + ":" + file.label() + ":" + file.version().checksum();
    }
}
