package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.library.ZoneChange;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code changes/zone} (icloud-protocol.md §13 1.3–1.5): per zone entry, the records changed since its
 * {@code syncToken} (none: the whole history; {@code ""}: caught up), each at its latest state, at most
 * {@code min(resultsLimit, 200)} a page with a fresh token and {@code moreComing}. Tombstones carry no
 * recordType. A bad, truncated or foreign (database) token gets a zone-level {@code BAD_REQUEST}, an unknown
 * zone a zone-level {@code ZONE_NOT_FOUND}, both with HTTP 200.
 */
final class ChangesZoneHandler implements CloudKitHandler {

    private final SimulatorState state;
    private final PhotoCatalog catalog;
    private final RecordJson json;

    ChangesZoneHandler(SimulatorState state, PhotoCatalog catalog, RecordJson json) {
        this.state = state;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public Response handle(CloudKitRequest request) {
        JsonNode body = request.http().json();
        if (!body.path("zones").isArray() || body.path("zones").isEmpty()) {
            return CloudKitErrors.badRequest("BadRequestException: missing zones");
        }
        ObjectNode answer = Json.object();
        ArrayNode zones = answer.putArray("zones");
        for (JsonNode entry : body.path("zones")) {
            zones.add(zone(request, body, entry));
        }
        return Response.prettyJson(200, answer);
    }

    private ObjectNode zone(CloudKitRequest request, JsonNode body, JsonNode entry) {
        JsonNode zoneId = entry.path("zoneID");
        String zoneName = zoneId.path("zoneName").asText("");
        Optional<LibraryZone> found = catalog.libraryZone(request.account(), request.database(), zoneName);
        if (found.isEmpty()) {
            return error(zoneId, "ZONE_NOT_FOUND", "Zone '" + zoneName + "' does not exist");
        }
        LibraryZone zone = found.get();
        String scope = zone.ownerRecordName() + "/" + zone.zoneName();
        long current = zone.changeNumber();
        long since;
        JsonNode token = entry.has("syncToken") ? entry.get("syncToken") : body.path("syncToken");
        if (token.isMissingNode() || token.isNull()) {
            since = 0;
        } else if (token.asText().isEmpty()) {
            since = current;
        } else {
            OptionalLong number = SyncTokens.changeNumber(token.asText(), scope);
            if (number.isEmpty() || number.getAsLong() > current) {
                return error(zoneId, "BAD_REQUEST", "Unknown sync continuation type");
            }
            since = number.getAsLong();
        }
        int limit = limit(entry.has("resultsLimit") ? entry.get("resultsLimit") : body.path("resultsLimit"));
        JsonNode keysFrom = entry.has("desiredKeys") ? entry : body;
        RecordJson.Context context = new RecordJson.Context(state.hosts().contentRoot(request.http()), state.now(),
                RecordJson.Context.desiredKeys(keysFrom));
        List<ZoneChange> changes = zone.changesSince(since);
        List<ZoneChange> page = changes.subList(0, Math.min(limit, changes.size()));
        boolean moreComing = page.size() < changes.size();
        ObjectNode result = Json.object();
        result.set("zoneID", RecordJson.zoneId(zone));
        ArrayNode records = result.putArray("records");
        for (ZoneChange change : page) {
            records.add(switch (change.kind()) {
                case MASTER -> json.master(change.asset(), zone, context);
                case ASSET -> json.asset(change.asset(), zone, context);
                case ALBUM -> json.album(change.album(), zone);
                case TOMBSTONE -> json.tombstone(change.recordName(), LibraryZone.tagOf(change.number()), zone);
            });
        }
        if (!moreComing && since < current && records.size() < limit) {
            records.add(json.libraryInfo(zone, LibraryZone.tagOf(current), state.now()));
        }
        long next = moreComing ? page.get(page.size() - 1).number() : current;
        result.put("syncToken", SyncTokens.token(scope, next));
        result.put("moreComing", moreComing);
        return result;
    }

    private static int limit(JsonNode resultsLimit) {
        int asked = resultsLimit.asInt(Pages.MAX_RECORDS);
        return Math.max(1, Math.min(asked <= 0 ? Pages.MAX_RECORDS : asked, Pages.MAX_RECORDS));
    }

    private static ObjectNode error(JsonNode zoneId, String code, String reason) {
        ObjectNode result = Json.object();
        result.set("zoneID", zoneId.deepCopy());
        result.put("serverErrorCode", code);
        result.put("reason", reason);
        return result;
    }
}
