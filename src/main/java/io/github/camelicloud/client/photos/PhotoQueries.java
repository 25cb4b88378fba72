package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The JSON bodies of the Photos queries (icloud-protocol.md §6.2–§6.6), built in one place. */
final class PhotoQueries {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The keys icloudpd asks for, in its order; Apple answers only what is asked. */
    static final List<String> DESIRED_KEYS;

    static {
        List<String> keys = new ArrayList<>();
        for (String res : List.of("resJPEGFull", "resJPEGLarge", "resJPEGMed", "resJPEGThumb", "resVidFull",
                "resVidMed", "resVidSmall", "resSidecar")) {
            addResource(keys, res);
        }
        keys.addAll(List.of("itemType", "dataClassType", "filenameEnc", "originalOrientation"));
        for (String res : List.of("resOriginal", "resOriginalAlt", "resOriginalVidCompl")) {
            addResource(keys, res);
        }
        keys.addAll(List.of("isDeleted", "isExpunged", "dateExpunged", "remappedRef", "recordName", "recordType",
                "recordChangeTag", "masterRef", "adjustmentRenderType", "assetDate", "addedDate", "isFavorite",
                "isHidden", "orientation", "duration", "assetSubtype", "assetSubtypeV2", "assetHDRType", "burstFlags",
                "burstFlagsExt", "burstId", "captionEnc", "locationEnc", "locationV2Enc", "locationLatitude",
                "locationLongitude", "adjustmentType", "timeZoneOffset", "vidComplDurValue", "vidComplDurScale",
                "vidComplDispValue", "vidComplDispScale", "keywordsEnc", "extendedDescEnc",
                "adjustedMediaMetaDataEnc", "adjustmentSimpleDataEnc", "vidComplVisibilityState",
                "customRenderedValue", "containerId", "itemId", "position", "isKeyAsset"));
        DESIRED_KEYS = List.copyOf(keys);
    }

    private PhotoQueries() {
    }

    private static void addResource(List<String> keys, String res) {
        for (String suffix : List.of("Res", "Width", "Height", "FileType", "Fingerprint")) {
            keys.add(res + suffix);
        }
    }

    static ObjectNode listPage(String listType, List<ObjectNode> filters, int startRank, String direction,
            int pageSize, JsonNode zoneId) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode query = body.putObject("query");
        ArrayNode filterBy = query.putArray("filterBy");
        filterBy.add(filter("startRank", "INT64", startRank));
        filterBy.add(filter("direction", "STRING", direction));
        filters.forEach(filterBy::add);
        query.put("recordType", listType);
        body.put("resultsLimit", pageSize * 2);
        ArrayNode keys = body.putArray("desiredKeys");
        DESIRED_KEYS.forEach(keys::add);
        body.set("zoneID", zoneId.deepCopy());
        return body;
    }

    static ObjectNode count(String objType, JsonNode zoneId) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode entry = body.putArray("batch").addObject();
        entry.put("resultsLimit", 1);
        ObjectNode filter = entry.putObject("query").putObject("filterBy");
        filter.put("fieldName", "indexCountID").put("comparator", "IN");
        filter.putObject("fieldValue").put("type", "STRING_LIST").putArray("value").add(objType);
        ((ObjectNode) entry.get("query")).put("recordType", "HyperionIndexCountLookup");
        entry.put("zoneWide", true);
        entry.set("zoneID", zoneId.deepCopy());
        return body;
    }

    static ObjectNode albums(JsonNode zoneId, String continuationMarker) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("query").put("recordType", "CPLAlbumByPositionLive");
        body.set("zoneID", zoneId.deepCopy());
        if (continuationMarker != null) {
            body.put("continuationMarker", continuationMarker);
        }
        return body;
    }

    /** records/lookup of the asset's master and asset records: fresh signed download URLs. */
    static ObjectNode lookup(Asset asset, JsonNode zoneId) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode records = body.putArray("records");
        records.addObject().put("recordName", asset.id());
        records.addObject().put("recordName", asset.recordName());
        body.set("zoneID", zoneId.deepCopy());
        return body;
    }

    /** records/lookup of records by name (at most 200 per call). */
    static ObjectNode lookup(List<String> recordNames, JsonNode zoneId) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode records = body.putArray("records");
        recordNames.forEach(name -> records.addObject().put("recordName", name));
        body.set("zoneID", zoneId.deepCopy());
        return body;
    }

    static ObjectNode moveToRecentlyDeleted(Asset asset, JsonNode zoneId) {
        ObjectNode body = JSON.createObjectNode().put("atomic", true);
        body.putArray("desiredKeys").add("isDeleted");
        body.set("zoneID", zoneId.deepCopy());
        ObjectNode record = body.putArray("operations").addObject().put("operationType", "update")
                .putObject("record");
        record.put("recordName", asset.recordName()).put("recordType", "CPLAsset")
                .put("recordChangeTag", asset.recordChangeTag());
        record.putObject("fields").putObject("isDeleted").put("value", 1);
        return body;
    }

    static ObjectNode filter(String field, String type, Object value) {
        ObjectNode f = JSON.createObjectNode().put("fieldName", field).put("comparator", "EQUALS");
        ObjectNode v = f.putObject("fieldValue").put("type", type);
        if (value instanceof Integer i) {
            v.put("value", i);
        } else {
            v.put("value", String.valueOf(value));
        }
        return f;
    }
}
