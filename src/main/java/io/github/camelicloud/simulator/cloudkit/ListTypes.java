package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.library.Selection;
import io.github.camelicloud.simulator.library.SmartAlbum;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** §6.6: the list types ({@code records/query} recordType) and count ids (obj_type) of each collection. */
final class ListTypes {

    static final String LIBRARY_BY_ASSET_DATE = "CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted";
    static final String LIBRARY_BY_ADDED_DATE = "CPLAssetAndMasterByAddedDate";
    static final String SMART = "CPLAssetAndMasterInSmartAlbumByAssetDate";
    static final String BURSTS = "CPLBurstStackAssetAndMasterByAssetDate";
    static final String DELETED = "CPLAssetAndMasterDeletedByExpungedDate";
    static final String HIDDEN = "CPLAssetAndMasterHiddenByAssetDate";
    static final String ALBUM = "CPLContainerRelationLiveByAssetDate";
    /**
     * An album in its manual order, what iCloud.com (and icloud-photos-sync) lists; the generated albums were
     * filled in date order, so the two orders agree here.
     */
    static final String ALBUM_BY_POSITION = "CPLContainerRelationLiveByPosition";
    static final Set<String> ALL = Set.of(LIBRARY_BY_ASSET_DATE, LIBRARY_BY_ADDED_DATE, SMART, BURSTS, DELETED, HIDDEN,
            ALBUM, ALBUM_BY_POSITION);

    private static final String SMART_COUNT = "CPLAssetInSmartAlbumByAssetDate:";
    private static final String ALBUM_COUNT = "CPLContainerRelationNotDeletedByAssetDate:";
    private static final Map<String, Selection.Kind> COUNTS = Map.of(
            "CPLAssetByAssetDateWithoutHiddenOrDeleted", Selection.Kind.LIBRARY_BY_ASSET_DATE,
            "CPLAssetByAddedDate", Selection.Kind.LIBRARY_BY_ADDED_DATE,
            "CPLAssetBurstStackAssetByAssetDate", Selection.Kind.BURSTS,
            "CPLAssetDeletedByExpungedDate", Selection.Kind.DELETED,
            "CPLAssetHiddenByAssetDate", Selection.Kind.HIDDEN);

    private ListTypes() {
    }

    /**
     * The collection a list query asks for; empty when a required filter (smartAlbum, parentId) is missing or
     * names nothing Photos has.
     */
    static Optional<Selection> forList(String recordType, QueryFilters filters) {
        return switch (recordType) {
            case LIBRARY_BY_ASSET_DATE -> Optional.of(Selection.of(Selection.Kind.LIBRARY_BY_ASSET_DATE));
            case LIBRARY_BY_ADDED_DATE -> Optional.of(Selection.of(Selection.Kind.LIBRARY_BY_ADDED_DATE));
            case SMART -> filters.text("smartAlbum").flatMap(SmartAlbum::byTag).map(Selection::smart);
            case BURSTS -> Optional.of(Selection.of(Selection.Kind.BURSTS));
            case DELETED -> Optional.of(Selection.of(Selection.Kind.DELETED));
            case HIDDEN -> Optional.of(Selection.of(Selection.Kind.HIDDEN));
            case ALBUM, ALBUM_BY_POSITION -> filters.text("parentId").map(Selection::album);
            default -> Optional.empty();
        };
    }

    /** The collection an {@code indexCountID} names. */
    static Optional<Selection> forCount(String objType) {
        if (objType.startsWith(SMART_COUNT)) {
            return SmartAlbum.bySuffix(objType.substring(SMART_COUNT.length())).map(Selection::smart);
        }
        if (objType.startsWith(ALBUM_COUNT)) {
            return Optional.of(Selection.album(objType.substring(ALBUM_COUNT.length())));
        }
        return Optional.ofNullable(COUNTS.get(objType)).map(Selection::of);
    }
}
