package io.github.camelicloud.simulator.library;

/**
 * What kind of item an asset is, as CPLAsset/CPLMaster fields describe it.
 *
 * @param itemType       the master's UTI
 * @param subtype        assetSubtype: 1 panorama, 100 slo-mo, 101 time-lapse, else 0
 * @param subtypeV2      assetSubtypeV2: 2 live photo, 3 screenshot, else 0
 * @param renderType     adjustmentRenderType bits: 2 portrait (depth), 4 long exposure
 * @param burstId        shared by the frames of a burst, else null
 * @param burstFlags     1 on a burst's key frame (a guess; Apple's bit meanings are not documented)
 * @param durationMillis movie length; for a live photo, the length of its motion part
 * @param mediaSeed      seeds every generated file of the asset, edits included
 */
public record Traits(String itemType, int subtype, int subtypeV2, int renderType, String burstId, int burstFlags,
        long durationMillis, long mediaSeed) {

    public static final int SUBTYPE_PANORAMA = 1;
    public static final int SUBTYPE_SLOMO = 100;
    public static final int SUBTYPE_TIMELAPSE = 101;
    public static final int V2_LIVE = 2;
    public static final int V2_SCREENSHOT = 3;

    public boolean isMovie() {
        return UtiTypes.isMovie(itemType);
    }
}
