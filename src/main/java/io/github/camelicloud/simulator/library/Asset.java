package io.github.camelicloud.simulator.library;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One photo or video: a CPLMaster (the original and its derivatives) plus a CPLAsset (dates, flags, edits).
 * Immutable; a change produces a new value with new change tags.
 *
 * @param masterName     the CPLMaster recordName (the original's fileChecksum)
 * @param assetName      the CPLAsset recordName (an upper-case UUID)
 * @param fileName       null when the master has no filenameEnc
 * @param masterVersions resources on the master, by field prefix, in field order
 * @param assetVersions  resources on the asset (an edit's resJPEGFull and its thumbnail), overriding the master's
 * @param adjustmentType set on edited assets (com.apple.photo, ScreenshotServices, ...)
 * @param editRevision   how many times the simulator edited it (seeds the new bytes)
 * @param location       where it was taken, or null
 * @param contributor    for Shared Library assets, who added it (a userRecordName); null in private zones
 * @param annotations    caption, description and keywords
 */
public record Asset(String masterName, String assetName, FileName fileName, Traits traits, Instant assetDate,
        Instant addedDate, int timeZoneOffset, Status status, Map<String, AssetVersion> masterVersions,
        Map<String, AssetVersion> assetVersions, String adjustmentType, int editRevision, Location location,
        String masterTag, String assetTag, Instant created, Instant modified, String contributor,
        Annotations annotations) {

    public Asset {
        masterVersions = Collections.unmodifiableMap(new LinkedHashMap<>(masterVersions));
        assetVersions = Collections.unmodifiableMap(new LinkedHashMap<>(assetVersions));
        annotations = annotations == null ? Annotations.NONE : annotations;
    }

    /** Without caption, description or keywords. */
    public Asset(String masterName, String assetName, FileName fileName, Traits traits, Instant assetDate,
            Instant addedDate, int timeZoneOffset, Status status, Map<String, AssetVersion> masterVersions,
            Map<String, AssetVersion> assetVersions, String adjustmentType, int editRevision, Location location,
            String masterTag, String assetTag, Instant created, Instant modified, String contributor) {
        this(masterName, assetName, fileName, traits, assetDate, addedDate, timeZoneOffset, status, masterVersions,
                assetVersions, adjustmentType, editRevision, location, masterTag, assetTag, created, modified,
                contributor, Annotations.NONE);
    }

    public boolean visible() {
        return !status.hidden() && !status.deleted();
    }

    /** The version a client uses for each prefix: the asset's when it has one, else the master's (§6.10). */
    public Map<String, AssetVersion> versions() {
        Map<String, AssetVersion> all = new LinkedHashMap<>(masterVersions);
        all.putAll(assetVersions);
        return all;
    }

    public AssetVersion original() {
        return masterVersions.get("resOriginal");
    }

    public Asset withStatus(Status newStatus, String newMasterTag, String newAssetTag, Instant now) {
        return new Asset(masterName, assetName, fileName, traits, assetDate, addedDate, timeZoneOffset, newStatus,
                masterVersions, assetVersions, adjustmentType, editRevision, location, newMasterTag, newAssetTag,
                created, now, contributor, annotations);
    }

    /** A metadata-only change (caption, favourite): the CPLAsset gets a new change tag, the master's bytes stay. */
    public Asset withAnnotations(Annotations newAnnotations, Status newStatus, String newAssetTag, Instant now) {
        return new Asset(masterName, assetName, fileName, traits, assetDate, addedDate, timeZoneOffset, newStatus,
                masterVersions, assetVersions, adjustmentType, editRevision, location, masterTag, newAssetTag,
                created, now, contributor, newAnnotations);
    }

    public Asset withEdit(Map<String, AssetVersion> newAssetVersions, String newAdjustmentType, String newAssetTag,
            Instant now) {
        return new Asset(masterName, assetName, fileName, traits, assetDate, addedDate, timeZoneOffset, status,
                masterVersions, newAssetVersions, newAdjustmentType, editRevision + 1, location, masterTag,
                newAssetTag, created, now, contributor, annotations);
    }
}
