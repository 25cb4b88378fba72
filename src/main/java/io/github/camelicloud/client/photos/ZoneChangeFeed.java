package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudServiceException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.SyncTokenRejectedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a library's {@code changes/zone} feed from a sync token until {@code moreComing} ends it
 * (icloud-protocol.md §13 1.3–2.3): buffers every page (a CPLMaster and its CPLAsset may sit on different pages),
 * pairs them by {@code masterRef}, fetches with {@code records/lookup} the masters of assets that changed alone
 * (an edit, a flag), ignores other record types, and keeps tombstones as removed ids.
 */
final class ZoneChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneChangeFeed.class);
    /** Beyond this many changed records a full listing is about as cheap, and it streams: memory stays flat. */
    static final int MAX_BUFFERED_RECORDS = 10_000;
    /** Apple caps a lookup at 200 records; clients use smaller batches. */
    private static final int LOOKUP_BATCH = 100;
    private static final Set<String> RETRY_LATER = Set.of("RETRY_LATER", "TRY_AGAIN_LATER", "CAS_OP_LOCK",
            "THROTTLED");

    private final PhotoLibrary library;

    ZoneChangeFeed(PhotoLibrary library) {
        this.library = library;
    }

    LibraryChanges since(String syncToken) {
        Map<String, JsonNode> masters = new LinkedHashMap<>();
        Map<String, JsonNode> assets = new LinkedHashMap<>();
        Set<String> expunged = new HashSet<>();
        String token = syncToken;
        boolean moreComing;
        int pages = 0;
        do {
            JsonNode zone = library.database().post("changes/zone", body(token)).path("zones").path(0);
            check(zone);
            JsonNode records = zone.path("records");
            for (JsonNode r : records) {
                String name = r.path("recordName").asText();
                if (r.hasNonNull("serverErrorCode")) {
                    LOG.debug("Change feed entry {} has an error: {}", name, r.path("serverErrorCode").asText());
                } else if (r.path("deleted").asBoolean(false)) {
                    expunged.add(name);
                    masters.remove(name);
                    assets.remove(name);
                } else if (r.path("recordType").asText().equals("CPLMaster")) {
                    masters.put(name, r);
                    expunged.remove(name);
                } else if (r.path("recordType").asText().equals("CPLAsset")) {
                    assets.put(name, r);
                    expunged.remove(name);
                }
            }
            if (masters.size() + assets.size() > MAX_BUFFERED_RECORDS) {
                throw new SyncTokenRejectedException("More than " + MAX_BUFFERED_RECORDS + " records of "
                        + library.name() + " changed; the library is listed in full instead", "TOO_MANY_CHANGES");
            }
            token = zone.path("syncToken").isTextual() ? zone.path("syncToken").asText() : token;
            JsonNode more = zone.path("moreComing");
            moreComing = more.isBoolean() ? more.asBoolean() : !records.isEmpty(); // null: go on while records come
            pages++;
        } while (moreComing);
        LOG.debug("Change feed of {}: {} pages, {} masters, {} assets, {} removed", library.name(), pages,
                masters.size(), assets.size(), expunged.size());
        return new LibraryChanges(pair(masters, assets), expunged, token);
    }

    private ObjectNode body(String token) {
        ObjectNode body = PhotoQueries.JSON.createObjectNode();
        ObjectNode zone = body.putArray("zones").addObject();
        zone.set("zoneID", library.zoneId().deepCopy());
        zone.put("syncToken", token);
        ArrayNode keys = zone.putArray("desiredKeys");
        PhotoQueries.DESIRED_KEYS.forEach(keys::add);
        zone.put("reverse", false);
        return body;
    }

    private void check(JsonNode zone) {
        if (!zone.hasNonNull("serverErrorCode")) {
            return;
        }
        String code = zone.path("serverErrorCode").asText();
        String reason = zone.path("reason").asText("");
        if (RETRY_LATER.contains(code)) {
            throw new ServiceUnavailableException(200, code, null); // the token is not advanced: retried next poll
        }
        if (code.equals("BAD_REQUEST") || code.equals("ZONE_NOT_FOUND")) {
            throw new SyncTokenRejectedException("iCloud no longer accepts the stored sync token of " + library.name()
                    + " (" + code + ": " + reason + "); the library is listed in full instead", code);
        }
        throw new ICloudServiceException("iCloud could not list the changes of " + library.name() + ": " + code + " "
                + reason, 200, code);
    }

    /** Each changed CPLAsset with its master, from the feed or looked up; masters whose asset did not change are skipped. */
    private List<Asset> pair(Map<String, JsonNode> masters, Map<String, JsonNode> assets) {
        List<String> missing = new ArrayList<>();
        for (JsonNode asset : assets.values()) {
            String master = masterName(asset);
            if (!master.isEmpty() && !masters.containsKey(master)) {
                missing.add(master);
            }
        }
        for (int from = 0; from < missing.size(); from += LOOKUP_BATCH) {
            List<String> batch = missing.subList(from, Math.min(missing.size(), from + LOOKUP_BATCH));
            JsonNode answer = library.database().post("records/lookup", PhotoQueries.lookup(batch, library.zoneId()));
            for (JsonNode r : answer.path("records")) {
                if (r.path("recordType").asText().equals("CPLMaster") && !r.hasNonNull("serverErrorCode")) {
                    masters.put(r.path("recordName").asText(), r);
                }
            }
        }
        List<Asset> result = new ArrayList<>(assets.size());
        for (JsonNode asset : assets.values()) {
            JsonNode master = masters.get(masterName(asset));
            if (master == null) {
                LOG.warn("iCloud reported a change of {} without its photo; skipping it", asset.path("recordName")
                        .asText());
                continue;
            }
            result.add(AssetParser.parse(master, asset, library.name()));
        }
        return result;
    }

    private static String masterName(JsonNode asset) {
        return asset.path("fields").path("masterRef").path("value").path("recordName").asText("");
    }
}
