package io.github.camelicloud.simulator.library;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which assets a listing shows and in what order; rank 0 is the first (the newest, or the most recently
 * deleted). Protocol names (list types, count ids) live in the CloudKit layer.
 *
 * @param smartAlbum set for {@link Kind#SMART}
 * @param albumId    set for {@link Kind#ALBUM}
 */
public record Selection(Kind kind, SmartAlbum smartAlbum, String albumId) {

    public enum Kind {
        /** Whole library, newest assetDate first, without hidden or deleted. */
        LIBRARY_BY_ASSET_DATE,
        /** Whole library, newest addedDate first (the older index), without hidden or deleted. */
        LIBRARY_BY_ADDED_DATE, SMART, BURSTS,
        /** Recently Deleted, most recently deleted first. */
        DELETED, HIDDEN, ALBUM
    }

    private static final Comparator<Asset> BY_ASSET_DATE = Comparator.comparing(Asset::assetDate).reversed()
            .thenComparing(Asset::masterName);
    private static final Comparator<Asset> BY_ADDED_DATE = Comparator.comparing(Asset::addedDate).reversed()
            .thenComparing(Asset::masterName);
    private static final Comparator<Asset> BY_DELETION = Comparator
            .comparing((Asset a) -> a.status().deletedAt()).reversed().thenComparing(BY_ASSET_DATE);

    public Selection {
        Objects.requireNonNull(kind, "kind");
    }

    public static Selection of(Kind kind) {
        return new Selection(kind, null, null);
    }

    public static Selection smart(SmartAlbum album) {
        return new Selection(Kind.SMART, Objects.requireNonNull(album, "album"), null);
    }

    public static Selection album(String albumId) {
        return new Selection(Kind.ALBUM, null, Objects.requireNonNull(albumId, "albumId"));
    }

    /** Membership, album membership aside (checked by the zone). */
    boolean includes(Asset asset) {
        return switch (kind) {
            case LIBRARY_BY_ASSET_DATE, LIBRARY_BY_ADDED_DATE, ALBUM -> asset.visible();
            case SMART -> smartAlbum.contains(asset);
            case BURSTS -> asset.visible() && asset.traits().burstId() != null;
            case DELETED -> asset.status().deleted();
            case HIDDEN -> asset.status().hidden() && !asset.status().deleted();
        };
    }

    Comparator<Asset> order() {
        return switch (kind) {
            case LIBRARY_BY_ADDED_DATE -> BY_ADDED_DATE;
            case DELETED -> BY_DELETION;
            default -> BY_ASSET_DATE;
        };
    }
}
