package io.github.camelicloud.client.photos;

/**
 * The versions of an asset and the CloudKit field prefix each is read from, which depends on whether
 * the asset is a movie (icloud-protocol.md §6.10). Live-photo videos are versions of the image.
 */
public enum VersionType {
    ORIGINAL("resOriginal", "resOriginal"),
    ALTERNATIVE("resOriginalAlt", null),
    MEDIUM("resJPEGMed", "resVidMed"),
    THUMB("resJPEGThumb", "resVidSmall"),
    ADJUSTED("resJPEGFull", null),
    LIVE_ORIGINAL("resOriginalVidCompl", null),
    LIVE_MEDIUM("resVidMed", null),
    LIVE_THUMB("resVidSmall", null);

    private final String imagePrefix;
    private final String moviePrefix;

    VersionType(String imagePrefix, String moviePrefix) {
        this.imagePrefix = imagePrefix;
        this.moviePrefix = moviePrefix;
    }

    /** The field prefix for this version of an asset of {@code kind}, or null when it has no such version. */
    public String fieldPrefix(ItemKind kind) {
        return kind == ItemKind.MOVIE ? moviePrefix : imagePrefix;
    }

    public boolean isLivePhotoVideo() {
        return this == LIVE_ORIGINAL || this == LIVE_MEDIUM || this == LIVE_THUMB;
    }
}
