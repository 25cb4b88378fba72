package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;

/**
 * {@code changes/database} (icloud-protocol.md §13 1.2): zone discovery. {@code {}} (or an unknown token) lists
 * every zone of the database with {@code deleted: false} and its zone token; the current database token lists
 * none (nothing changed). Always {@code moreComing: false} and the database's {@code syncToken}.
 */
final class ChangesDatabaseHandler implements CloudKitHandler {

    private final LibraryCatalog catalog;

    ChangesDatabaseHandler(LibraryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Response handle(CloudKitRequest request) {
        JsonNode body = request.http().json();
        String current = catalog.databaseSyncToken(request.account(), request.database());
        String presented = Json.text(body, "syncToken");
        ObjectNode answer = Json.object();
        ArrayNode zones = answer.putArray("zones");
        if (!current.equals(presented)) {
            for (Zone zone : catalog.zones(request.account(), request.database())) {
                ObjectNode entry = zones.addObject();
                entry.set("zoneID", zone.zoneId());
                entry.put("syncToken", zone.syncToken());
                entry.put("deleted", false);
            }
        }
        answer.put("moreComing", false);
        answer.put("syncToken", current);
        return Response.prettyJson(200, answer);
    }
}
