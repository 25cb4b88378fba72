package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import java.util.Optional;

/**
 * A file to send to the destination: the planned version and its final relative path (after
 * icloudpd's de-duplication against what the target already holds), and, when the destination holds the same
 * content at another path already (the photo's copy in another album), that path: a local link or a server-side
 * copy instead of a second download.
 */
public record Delivery(PlannedFile file, String relativePath, Optional<String> copyOf) {

    /** Separates a key's content part from the album folder it is a copy for. */
    static final char PLACE = '@';

    public Delivery(PlannedFile file, String relativePath) {
        this(file, relativePath, Optional.empty());
    }

    public Asset asset() {
        return file.asset();
    }

    public AssetVersion version() {
        return file.version();
    }

    public String label() {
        return file.label();
    }

    /** What identifies this file at a destination: asset, version kind and Apple's checksum (and album folder). */
    public String key() {
        return keyOf(file);
    }

    public static String keyOf(PlannedFile file) {
        String content = file.asset().id() + ":" + file.label() + ":" + file.version().checksum();
        return file.place().isEmpty() ? content : content + PLACE + file.place();
    }

    /** The content part of a key: asset, version kind and checksum, whichever album folder the file is in. */
    public static String contentOf(String key) {
        int place = key.lastIndexOf(PLACE);
        return place < 0 ? key : key.substring(0, place);
    }

    /** Whether the key is an album folder's copy ({@code {album}} layouts). */
    public static boolean placed(String key) {
        return key.lastIndexOf(PLACE) >= 0;
    }
}
