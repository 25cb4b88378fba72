package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.state.SimulatorState;

/**
 * {@code HyperionIndexCountLookup} (§6.4): one IndexCountResult per requested {@code indexCountID}, its
 * {@code itemCount} the size of that collection right now (0 for ids Photos does not know).
 */
final class IndexCountQuery implements RecordQuery {

    static final String RECORD_TYPE = "HyperionIndexCountLookup";

    private final SimulatorState state;
    private final PhotoCatalog catalog;

    IndexCountQuery(SimulatorState state, PhotoCatalog catalog) {
        this.state = state;
        this.catalog = catalog;
    }

    @Override
    public Response answer(CloudKitRequest request, JsonNode body, Zone zone) {
        LibraryZone library = catalog.libraryZone(request.account(), request.database(), zone.zoneName())
                .orElseThrow();
        ObjectNode answer = Json.object();
        ArrayNode records = answer.putArray("records");
        long now = state.now().toEpochMilli();
        for (String id : QueryFilters.of(body.path("query")).list("indexCountID")) {
            long count = ListTypes.forCount(id).map(s -> (long) library.list(s).size()).orElse(0L);
            ObjectNode record = records.addObject();
            record.put("recordName", id).put("recordType", "IndexCountResult");
            record.putObject("fields").putObject("itemCount").put("value", count).put("type", "INT64");
            record.putObject("pluginFields");
            record.put("recordChangeTag", "0");
            record.putObject("created").put("timestamp", now).put("userRecordName", "_10").put("deviceID", "1");
            record.putObject("modified").put("timestamp", now).put("userRecordName", "_10").put("deviceID", "1");
            record.put("deleted", false);
            record.set("zoneID", zone.zoneId());
        }
        if (request.wantsSyncToken()) {
            answer.put("syncToken", zone.syncToken());
        }
        return Response.prettyJson(200, answer);
    }
}
