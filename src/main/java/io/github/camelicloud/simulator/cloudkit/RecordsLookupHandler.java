package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.Asset;
import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code records/lookup}: CPLMaster or CPLAsset records by recordName with fresh download URLs, what clients
 * do after a 410 (§13 3.1); unknown names get a per-record UNKNOWN_ITEM, more than 200 a BAD_REQUEST.
 */
final class RecordsLookupHandler implements CloudKitHandler {

    private final SimulatorState state;
    private final PhotoCatalog catalog;
    private final RecordJson json;

    RecordsLookupHandler(SimulatorState state, PhotoCatalog catalog, RecordJson json) {
        this.state = state;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public Response handle(CloudKitRequest request) {
        JsonNode body = request.http().json();
        JsonNode wanted = body.path("records");
        if (!wanted.isArray()) {
            return CloudKitErrors.badRequest("BadRequestException: missing records");
        }
        if (wanted.size() > Pages.MAX_RECORDS) {
            return CloudKitErrors.badRequest("array 'records' length is greater than max size");
        }
        String zoneName = Optional.ofNullable(Json.text(body, "zoneID", "zoneName")).orElse("PrimarySync");
        Optional<LibraryZone> found = catalog.libraryZone(request.account(), request.database(), zoneName);
        if (found.isEmpty()) {
            return CloudKitErrors.error(404, "ZONE_NOT_FOUND", "Zone '" + zoneName + "' does not exist");
        }
        LibraryZone zone = found.get();
        RecordJson.Context context = new RecordJson.Context(state.hosts().contentRoot(request.http()), state.now(),
                RecordJson.Context.desiredKeys(body));
        ObjectNode answer = Json.object();
        ArrayNode records = answer.putArray("records");
        for (JsonNode entry : wanted) {
            String name = entry.path("recordName").asText("");
            Optional<Asset> asset = zone.find(name);
            if (asset.isEmpty()) {
                records.add(Json.object().put("recordName", name).put("reason", "Record not found")
                        .put("serverErrorCode", "UNKNOWN_ITEM").put("uuid", UUID.randomUUID().toString()));
            } else if (asset.get().masterName().equals(name)) {
                records.add(json.master(asset.get(), zone, context));
            } else {
                records.add(json.asset(asset.get(), zone, context));
            }
        }
        return Response.prettyJson(200, answer);
    }
}
