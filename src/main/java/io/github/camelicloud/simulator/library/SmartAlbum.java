package io.github.camelicloud.simulator.library;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The filter-based smart albums ({@code smartAlbum EQUALS <tag>}, count index
 * {@code CPLAssetInSmartAlbumByAssetDate:<suffix>}), with rclone's routing rules (§13 3.5). Hidden and
 * deleted assets are in none of them.
 */
public enum SmartAlbum {
    TIMELAPSE("Timelapse", a -> a.traits().subtype() == Traits.SUBTYPE_TIMELAPSE),
    VIDEO("Video", a -> a.traits().isMovie() && a.traits().subtype() == 0),
    SLOMO("Slomo", a -> a.traits().subtype() == Traits.SUBTYPE_SLOMO),
    FAVORITE("Favorite", a -> a.status().favorite()),
    PANORAMA("Panorama", a -> a.traits().subtype() == Traits.SUBTYPE_PANORAMA),
    SCREENSHOT("Screenshot", a -> a.traits().subtypeV2() == Traits.V2_SCREENSHOT),
    LIVE("Live", a -> a.traits().subtypeV2() == Traits.V2_LIVE),
    DEPTH("Depth", a -> (a.traits().renderType() & 2) != 0),
    EXPOSURE("Exposure", a -> (a.traits().renderType() & 4) != 0),
    ANIMATED("Animated", a -> UtiTypes.GIF.equals(a.original().fileType()));

    private final String countSuffix;
    private final Predicate<Asset> rule;

    SmartAlbum(String countSuffix, Predicate<Asset> rule) {
        this.countSuffix = countSuffix;
        this.rule = rule;
    }

    /** The suffix of its count index, {@code CPLAssetInSmartAlbumByAssetDate:<suffix>}. */
    public String countSuffix() {
        return countSuffix;
    }

    public boolean contains(Asset asset) {
        return asset.visible() && rule.test(asset);
    }

    public static Optional<SmartAlbum> byTag(String tag) {
        return Arrays.stream(values()).filter(s -> s.name().equals(tag)).findFirst();
    }

    public static Optional<SmartAlbum> bySuffix(String suffix) {
        return Arrays.stream(values()).filter(s -> s.countSuffix.equals(suffix)).findFirst();
    }
}
