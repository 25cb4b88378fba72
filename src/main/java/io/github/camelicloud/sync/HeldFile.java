package io.github.camelicloud.sync;

/**
 * One file a destination holds, as its record says: whose bytes they are (the delivery key, {@code
 * assetId:version:checksum}), where ({@code path}, relative to the destination's root) and the SHA-256 (hex) of
 * what was written there — null for a file found there and explained by name and size only (a folder filled by
 * icloudpd), which therefore cannot be verified, or {@code stale} when verification found other bytes there.
 * {@code metadata}: a fingerprint of the iCloud metadata written into the file and its XMP sidecar (destinations with
 * {@code --embed-metadata} or {@code --xmp-sidecar}: the folder, S3, SFTP), {@code pending:<fingerprint>} while
 * writing it failed, null when none was recorded (older records, metadata off).
 */
public record HeldFile(String key, String path, String sha256, String metadata) {

    public HeldFile(String key, String path, String sha256) {
        this(key, path, sha256, null);
    }

    /** The same file holding other bytes now: its metadata rewritten in place. */
    public HeldFile rewritten(String newSha256, String newMetadata) {
        return new HeldFile(key, path, newSha256, newMetadata);
    }

    /**
     * The {@code metadata} of a file whose metadata could not be written ({@code pending:<fingerprint>}): it differs
     * from every fingerprint, so the next pass writes the metadata again (and only the metadata).
     */
    public static String pendingMetadata(String fingerprint) {
        return "pending:" + fingerprint;
    }

    /** Whether the file's metadata is still to be written ({@link #pendingMetadata}). */
    public boolean metadataPending() {
        return metadata != null && metadata.startsWith("pending:");
    }

    /** The asset part of a delivery key (labels and Apple's base64 checksums hold no {@code :}). */
    public static String assetOf(String key) {
        int checksum = key.lastIndexOf(':');
        int label = checksum <= 0 ? -1 : key.lastIndexOf(':', checksum - 1);
        return label < 0 ? key : key.substring(0, label);
    }

    /** Marks a file whose bytes were found changed: the next pass sends it again, to the same path. */
    static final String STALE = "stale";

    /**
     * A file about to be written: recorded before its upload starts, so a run killed in the middle (whose server may
     * keep part of it, or an empty object, under the final name) leaves the path marked as this asset version's and
     * unproven; the next pass, on this node or another, sends it again to the same path instead of taking the leftover
     * for someone else's file.
     */
    public static HeldFile writing(String key, String path) {
        return new HeldFile(key, path, STALE);
    }

    public String assetId() {
        return assetOf(key);
    }

    public HeldFile stale() {
        return new HeldFile(key, path, STALE);
    }

    public boolean isStale() {
        return STALE.equals(sha256);
    }
}
