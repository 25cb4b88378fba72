package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.Asset;
import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.library.Selection;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.List;
import java.util.Optional;

/**
 * Every asset list type of §6.6 (whole library, smart albums, bursts, Recently Deleted, Hidden, user albums):
 * a window of ranks from {@code startRank} in {@code direction}, masters first then their assets so a pair is
 * never split, at most 100 pairs, a continuationMarker while more remain, and an empty page past the end.
 */
final class AssetListQuery implements RecordQuery {

    private final SimulatorState state;
    private final PhotoCatalog catalog;
    private final RecordJson json;

    AssetListQuery(SimulatorState state, PhotoCatalog catalog, RecordJson json) {
        this.state = state;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public Response answer(CloudKitRequest request, JsonNode body, Zone zone) {
        JsonNode query = body.path("query");
        String recordType = query.path("recordType").asText();
        QueryFilters filters = QueryFilters.of(query);
        Optional<Selection> selection = ListTypes.forList(recordType, filters);
        if (selection.isEmpty()) {
            return CloudKitErrors.badRequest("Missing or unknown filter for " + recordType);
        }
        LibraryZone library = catalog.libraryZone(request.account(), request.database(), zone.zoneName())
                .orElseThrow();
        boolean descending = filters.text("direction").map("DESCENDING"::equalsIgnoreCase).orElse(false);
        String queryKey = recordType + "|" + selection.get() + "|" + descending;
        long start = filters.number("startRank").orElse(0L);
        if (body.hasNonNull("continuationMarker")) {
            Optional<Long> resumed = Pages.resume(body.get("continuationMarker").asText(), queryKey);
            if (resumed.isEmpty()) {
                return CloudKitErrors.badRequest("Invalid continuation marker");
            }
            start = resumed.get();
        }
        List<Asset> ordered;
        String syncToken;
        synchronized (library) { // the page and its token from one state of the zone
            ordered = library.list(selection.get());
            syncToken = PhotoCatalog.zone(library).syncToken();
        }
        int pairs = Pages.pairs(body.path("resultsLimit").asInt(Pages.MAX_RECORDS));
        if (request.account().has(AccountFlag.SHORT_PAGES)) {
            pairs = Math.max(1, pairs - (int) (start % 37));
        }
        Pages.Page<Asset> page = Pages.window(ordered, start, descending, pairs);
        RecordJson.Context context = new RecordJson.Context(state.hosts().contentRoot(request.http()), state.now(),
                RecordJson.Context.desiredKeys(body));
        ObjectNode answer = Json.object();
        ArrayNode records = answer.putArray("records");
        page.items().forEach(asset -> records.add(json.master(asset, library, context)));
        page.items().forEach(asset -> records.add(json.asset(asset, library, context)));
        if (page.next() != null) {
            answer.put("continuationMarker", Pages.marker(queryKey, page.next()));
        }
        if (request.wantsSyncToken()) {
            answer.put("syncToken", syncToken);
        }
        return Response.prettyJson(200, answer);
    }
}
