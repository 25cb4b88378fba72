package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;

/** C1 {@code zones/list} (§6.3): every zone with its zoneID and syncToken, plus the database token. */
final class ZonesListHandler implements CloudKitHandler {

    private final LibraryCatalog catalog;

    ZonesListHandler(LibraryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Response handle(CloudKitRequest request) {
        ObjectNode answer = Json.object();
        answer.put("moreComing", false);
        answer.put("syncToken", catalog.databaseSyncToken(request.account(), request.database()));
        ArrayNode zones = answer.putArray("zones");
        for (Zone zone : catalog.zones(request.account(), request.database())) {
            ObjectNode entry = zones.addObject();
            entry.set("zoneID", zone.zoneId());
            entry.put("syncToken", zone.syncToken());
        }
        return Response.prettyJson(200, answer);
    }
}
