package io.github.camelicloud.simulator.cloudkit;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.content.DownloadUrls;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.library.Album;
import io.github.camelicloud.simulator.library.Annotations;
import io.github.camelicloud.simulator.library.Asset;
import io.github.camelicloud.simulator.library.AssetVersion;
import io.github.camelicloud.simulator.library.FileName;
import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.library.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Assets and albums as CloudKit records, in the shapes of the recordings (§6.7): the record envelope
 * (recordName, recordType, fields, pluginFields, recordChangeTag, created, modified, deleted, zoneID), typed
 * field values, {@code <prefix>Res} ASSETIDs with signed download URLs, {@code desiredKeys} honoured.
 */
final class RecordJson {

    /** How a page is being rendered: where URLs point, when they were issued, which fields were asked for. */
    record Context(String baseUrl, Instant now, Set<String> desiredKeys) {

        boolean wants(String field) {
            return desiredKeys == null || desiredKeys.contains(field);
        }

        /** {@code desiredKeys} of a request body; null (everything) when absent. */
        static Set<String> desiredKeys(JsonNode body) {
            JsonNode keys = body.path("desiredKeys");
            if (!keys.isArray()) {
                return null;
            }
            Set<String> set = new HashSet<>();
            keys.forEach(k -> set.add(k.asText()));
            return set;
        }
    }

    /** Recently Deleted records carry this in the envelope, ten days past dateExpunged (as recorded). */
    private static final Duration EXPIRATION_AFTER_EXPUNGE = Duration.ofDays(10);

    private final DownloadUrls urls;

    RecordJson(DownloadUrls urls) {
        this.urls = urls;
    }

    ObjectNode master(Asset asset, LibraryZone zone, Context context) {
        ObjectNode fields = Json.object();
        put(fields, context, "itemType", asset.traits().itemType(), "STRING");
        FileName name = asset.fileName();
        if (name != null) {
            put(fields, context, "filenameEnc", name.encoding() == FileName.Encoding.STRING ? name.name()
                    : base64(name.name()), name.encoding().name());
        }
        put(fields, context, "originalOrientation", 1, "INT64");
        put(fields, context, "dataClassType", asset.traits().isMovie() ? 2 : 1, "INT64");
        versions(fields, asset.masterVersions(), zone, context);
        if (asset.status().deleted()) {
            put(fields, context, "isDeleted", 1, "INT64");
            put(fields, context, "dateExpunged", asset.status().dateExpunged().toEpochMilli(), "TIMESTAMP");
        }
        if (zone.scope() == Scope.SHARED) {
            put(fields, context, "importDate", asset.addedDate().toEpochMilli(), "TIMESTAMP");
            put(fields, context, "originalCreationDate", asset.assetDate().toEpochMilli(), "TIMESTAMP");
            put(fields, context, "importedBy", 5, "INT64");
            put(fields, context, "importedByDisplayNameEnc", base64("Photos"), "ENCRYPTED_BYTES");
            put(fields, context, "recordModificationDate", asset.modified().toEpochMilli(), "TIMESTAMP");
            contributors(fields, asset, zone, context);
        }
        return envelope(asset.masterName(), "CPLMaster", fields, asset.masterTag(), asset.created(),
                asset.status().deleted() ? asset.modified() : asset.created(), asset, zone);
    }

    ObjectNode asset(Asset asset, LibraryZone zone, Context context) {
        ObjectNode fields = Json.object();
        boolean live = asset.masterVersions().containsKey("resOriginalVidCompl");
        long motionNanos = live ? asset.traits().durationMillis() * 1_000_000 : 0;
        put(fields, context, "assetDate", asset.assetDate().toEpochMilli(), "TIMESTAMP");
        put(fields, context, "orientation", 1, "INT64");
        put(fields, context, "addedDate", asset.addedDate().toEpochMilli(), "TIMESTAMP");
        put(fields, context, "assetSubtypeV2", asset.traits().subtypeV2(), "INT64");
        put(fields, context, "assetHDRType", 0, "INT64");
        put(fields, context, "timeZoneOffset", asset.timeZoneOffset(), "INT64");
        if (context.wants("masterRef")) {
            ObjectNode ref = Json.object().put("recordName", asset.masterName()).put("action", "DELETE_SELF");
            ref.set("zoneID", zoneId(zone));
            fields.putObject("masterRef").<ObjectNode>set("value", ref).put("type", "REFERENCE");
        }
        if (asset.location() != null && context.wants("locationEnc")) {
            put(fields, context, "locationEnc", asset.location().encoded(asset.assetDate()), "ENCRYPTED_BYTES");
        }
        annotations(fields, asset.annotations(), context);
        put(fields, context, "adjustmentRenderType", asset.traits().renderType(), "INT64");
        put(fields, context, "vidComplDispScale", live ? 1_000_000_000 : 0, "INT64");
        put(fields, context, "isHidden", asset.status().hidden() ? 1 : 0, "INT64");
        put(fields, context, "duration", asset.traits().isMovie() ? asset.traits().durationMillis() : 0, "INT64");
        put(fields, context, "burstFlags", asset.traits().burstFlags(), "INT64");
        put(fields, context, "assetSubtype", asset.traits().subtype(), "INT64");
        put(fields, context, "vidComplDurScale", live ? 1_000_000_000 : 0, "INT64");
        put(fields, context, "vidComplDurValue", motionNanos, "INT64");
        put(fields, context, "vidComplVisibilityState", 0, "INT64");
        put(fields, context, "customRenderedValue", 0, "INT64");
        put(fields, context, "isFavorite", asset.status().favorite() ? 1 : 0, "INT64");
        put(fields, context, "vidComplDispValue", motionNanos * 43 / 100, "INT64");
        if (asset.traits().burstId() != null) {
            put(fields, context, "burstId", asset.traits().burstId(), "STRING");
        }
        if (asset.adjustmentType() != null) {
            put(fields, context, "adjustmentType", asset.adjustmentType(), "STRING");
        }
        versions(fields, asset.assetVersions(), zone, context);
        if (asset.status().deletedField() != null) {
            put(fields, context, "isDeleted", asset.status().deletedField(), "INT64");
        }
        if (asset.status().deleted()) {
            put(fields, context, "isExpunged", 0, "INT64");
            put(fields, context, "dateExpunged", asset.status().dateExpunged().toEpochMilli(), "TIMESTAMP");
        }
        if (zone.scope() == Scope.SHARED) {
            put(fields, context, "trashReason", 0, "INT64");
            put(fields, context, "mostRecentAddedDate", asset.addedDate().toEpochMilli(), "TIMESTAMP");
            put(fields, context, "recordModificationDate", asset.modified().toEpochMilli(), "TIMESTAMP");
            contributors(fields, asset, zone, context);
        }
        return envelope(asset.assetName(), "CPLAsset", fields, asset.assetTag(), asset.created(), asset.modified(),
                asset, zone);
    }

    ObjectNode album(Album album, LibraryZone zone) {
        ObjectNode fields = Json.object();
        Context all = new Context(null, null, null);
        put(fields, all, "recordModificationDate", album.modified().toEpochMilli(), "TIMESTAMP");
        put(fields, all, "sortAscending", 1, "INT64");
        put(fields, all, "sortType", album.isRoot() ? 0 : 1, "INT64");
        put(fields, all, "albumType", album.folder() ? 3 : 0, "INT64");
        if (album.name() != null) {
            put(fields, all, "albumNameEnc", base64(album.name()), "ENCRYPTED_BYTES");
        }
        put(fields, all, "position", album.position(), "INT64");
        put(fields, all, "sortTypeExt", 0, "INT64");
        if (album.parentId() != null) {
            put(fields, all, "parentId", album.parentId(), "STRING");
        }
        ObjectNode record = Json.object();
        record.put("recordName", album.recordName()).put("recordType", "CPLAlbum");
        record.set("fields", fields);
        record.putObject("pluginFields");
        record.put("recordChangeTag", album.changeTag());
        record.set("created", stamp(album.created(), zone.ownerRecordName(), zone.deviceId()));
        record.set("modified", stamp(album.modified(), zone.ownerRecordName(), zone.deviceId()));
        record.put("deleted", false);
        record.set("zoneID", zoneId(zone));
        return record;
    }

    /** A record removed for good, as changes/zone reports it: no recordType, no fields (§13 1.4). */
    ObjectNode tombstone(String recordName, String tag, LibraryZone zone) {
        ObjectNode record = Json.object();
        record.put("recordName", recordName);
        record.put("recordChangeTag", tag);
        record.put("deleted", true);
        record.set("zoneID", zoneId(zone));
        return record;
    }

    /** The library's counters record, touched by almost every change: noise a client must ignore. */
    ObjectNode libraryInfo(LibraryZone zone, String tag, Instant now) {
        ObjectNode fields = Json.object();
        Context all = new Context(null, null, null);
        long videos = zone.assets().stream().filter(a -> a.visible() && a.traits().isMovie()).count();
        long photos = zone.assets().stream().filter(a -> a.visible() && !a.traits().isMovie()).count();
        put(fields, all, "photosCount", photos, "INT64");
        put(fields, all, "videosCount", videos, "INT64");
        ObjectNode record = Json.object();
        record.put("recordName", zone.zoneName() + "-0000-LI").put("recordType", "CPLLibraryInfo");
        record.set("fields", fields);
        record.putObject("pluginFields");
        record.put("recordChangeTag", tag);
        record.set("modified", stamp(now, zone.ownerRecordName(), zone.deviceId()));
        record.put("deleted", false);
        record.set("zoneID", zoneId(zone));
        return record;
    }

    static ObjectNode zoneId(LibraryZone zone) {
        return PhotoCatalog.zone(zone).zoneId();
    }

    private void versions(ObjectNode fields, Map<String, AssetVersion> versions, LibraryZone zone, Context context) {
        for (AssetVersion version : versions.values()) {
            String prefix = version.prefix();
            if (context.wants(prefix + "Res")) {
                ObjectNode res = Json.object().put("fileChecksum", version.fileChecksum()).put("size", version.size())
                        .put("wrappingKey", version.wrappingKey()).put("referenceChecksum", version.referenceChecksum())
                        .put("downloadURL", urls.url(context.baseUrl(), version, zone.zoneName(), context.now()));
                fields.putObject(prefix + "Res").<ObjectNode>set("value", res).put("type", "ASSETID");
            }
            put(fields, context, prefix + "FileType", version.fileType(), "STRING");
            put(fields, context, prefix + "Width", version.width(), "INT64");
            put(fields, context, prefix + "Height", version.height(), "INT64");
            put(fields, context, prefix + "Fingerprint", version.fileChecksum(), "STRING");
        }
    }

    private static void contributors(ObjectNode fields, Asset asset, LibraryZone zone, Context context) {
        if (!context.wants("contributors") || asset.contributor() == null) {
            return;
        }
        ObjectNode ref = Json.object().put("recordName", asset.contributor()).put("action", "NONE");
        ref.set("zoneID", zoneId(zone));
        ObjectNode field = fields.putObject("contributors");
        field.putArray("value").add(ref);
        field.put("type", "REFERENCE_LIST");
    }

    private ObjectNode envelope(String recordName, String recordType, ObjectNode fields, String tag, Instant created,
            Instant modified, Asset asset, LibraryZone zone) {
        String user = asset.contributor() != null ? asset.contributor() : zone.ownerRecordName();
        ObjectNode record = Json.object();
        record.put("recordName", recordName).put("recordType", recordType);
        record.set("fields", fields);
        record.putObject("pluginFields");
        record.put("recordChangeTag", tag);
        record.set("created", stamp(created, user, zone.deviceId()));
        record.set("modified", stamp(modified, user, zone.deviceId()));
        record.put("deleted", false);
        record.set("zoneID", zoneId(zone));
        if (asset.status().deleted()) {
            record.put("expirationTime", asset.status().dateExpunged().plus(EXPIRATION_AFTER_EXPUNGE).getEpochSecond());
        }
        return record;
    }

    private static ObjectNode stamp(Instant when, String user, String device) {
        return Json.object().put("timestamp", when.toEpochMilli()).put("userRecordName", user).put("deviceID", device);
    }

    /** As real records spell them: base64 UTF-8 text, keywords a base64 binary plist array (§6.7). */
    private static void annotations(ObjectNode fields, Annotations annotations, Context context) {
        if (annotations.caption() != null) {
            put(fields, context, "captionEnc", base64(annotations.caption()), "ENCRYPTED_BYTES");
        }
        if (annotations.description() != null) {
            put(fields, context, "extendedDescEnc", base64(annotations.description()), "ENCRYPTED_BYTES");
        }
        if (!annotations.keywords().isEmpty() && context.wants("keywordsEnc")) {
            try {
                byte[] plist = BinaryPropertyListWriter.writeToArray(new NSArray(annotations.keywords().stream()
                        .map(NSString::new).toArray(NSObject[]::new)));
                put(fields, context, "keywordsEnc", Base64.getEncoder().encodeToString(plist), "ENCRYPTED_BYTES");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode keywords", e);
            }
        }
    }

    private static void put(ObjectNode fields, Context context, String name, Object value, String type) {
        if (!context.wants(name)) {
            return;
        }
        ObjectNode field = fields.putObject(name);
        if (value instanceof Number number) {
            field.put("value", number.longValue());
        } else {
            field.put("value", String.valueOf(value));
        }
        field.put("type", type);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
