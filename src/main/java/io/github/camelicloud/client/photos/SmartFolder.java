package io.github.camelicloud.client.photos;

import java.util.List;

/**
 * The smart folders of every library, in icloudpd's listing order, with their CloudKit index names
 * and filters (icloud-protocol.md §6.6).
 */
enum SmartFolder {
    TIME_LAPSE("Time-lapse", "CPLAssetInSmartAlbumByAssetDate:Timelapse", SmartFolder.SMART_LIST_TYPE, "TIMELAPSE"),
    VIDEOS("Videos", "CPLAssetInSmartAlbumByAssetDate:Video", SmartFolder.SMART_LIST_TYPE, "VIDEO"),
    SLO_MO("Slo-mo", "CPLAssetInSmartAlbumByAssetDate:Slomo", SmartFolder.SMART_LIST_TYPE, "SLOMO"),
    BURSTS("Bursts", "CPLAssetBurstStackAssetByAssetDate", "CPLBurstStackAssetAndMasterByAssetDate", null),
    FAVORITES("Favorites", "CPLAssetInSmartAlbumByAssetDate:Favorite", SmartFolder.SMART_LIST_TYPE, "FAVORITE"),
    PANORAMAS("Panoramas", "CPLAssetInSmartAlbumByAssetDate:Panorama", SmartFolder.SMART_LIST_TYPE, "PANORAMA"),
    SCREENSHOTS("Screenshots", "CPLAssetInSmartAlbumByAssetDate:Screenshot", SmartFolder.SMART_LIST_TYPE, "SCREENSHOT"),
    LIVE("Live", "CPLAssetInSmartAlbumByAssetDate:Live", SmartFolder.SMART_LIST_TYPE, "LIVE"),
    RECENTLY_DELETED("Recently Deleted", "CPLAssetDeletedByExpungedDate", "CPLAssetAndMasterDeletedByExpungedDate",
            null),
    HIDDEN("Hidden", "CPLAssetHiddenByAssetDate", "CPLAssetAndMasterHiddenByAssetDate", null);

    static final String SMART_LIST_TYPE = "CPLAssetAndMasterInSmartAlbumByAssetDate";

    final String displayName;
    final String objType;
    final String listType;
    final String smartAlbumTag;

    SmartFolder(String displayName, String objType, String listType, String smartAlbumTag) {
        this.displayName = displayName;
        this.objType = objType;
        this.listType = listType;
        this.smartAlbumTag = smartAlbumTag;
    }

    List<com.fasterxml.jackson.databind.node.ObjectNode> filters() {
        return smartAlbumTag == null ? List.of() : List.of(PhotoQueries.filter("smartAlbum", "STRING", smartAlbumTag));
    }
}
