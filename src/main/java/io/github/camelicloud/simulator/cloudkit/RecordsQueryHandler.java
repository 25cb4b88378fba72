package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import java.util.Optional;

/** C2 {@code records/query}: finds the zone, then hands over to the {@link RecordQuery} for the record type. */
final class RecordsQueryHandler implements CloudKitHandler {

    private final LibraryCatalog catalog;
    private final RecordQueries queries;

    RecordsQueryHandler(LibraryCatalog catalog, RecordQueries queries) {
        this.catalog = catalog;
        this.queries = queries;
    }

    @Override
    public Response handle(CloudKitRequest request) throws Exception {
        return answer(request, request.http().json());
    }

    /** One query body (also one entry of a batch). */
    Response answer(CloudKitRequest request, JsonNode body) throws Exception {
        if (!body.isObject()) {
            return CloudKitErrors.badRequest("BadRequestException: missing request body");
        }
        String recordType = Json.text(body, "query", "recordType");
        Optional<RecordQuery> query = queries.find(recordType);
        if (query.isEmpty()) {
            return CloudKitErrors.badRequest("Unknown record type");
        }
        String zoneName = Optional.ofNullable(Json.text(body, "zoneID", "zoneName")).orElse(Zone.PRIMARY);
        Optional<Zone> zone = catalog.zone(request.account(), request.database(), zoneName);
        if (zone.isEmpty()) {
            return CloudKitErrors.error(404, "ZONE_NOT_FOUND", "Zone '" + zoneName + "' does not exist");
        }
        return query.get().answer(request, body, zone.get());
    }
}
