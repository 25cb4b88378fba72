package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;

/**
 * C3 {@code internal/records/query/batch}: each entry of {@code batch} is an ordinary query (in practice the
 * HyperionIndexCountLookup count), answered in order; a failing entry carries its error object in its slot.
 */
final class BatchQueryHandler implements CloudKitHandler {

    private final RecordsQueryHandler queries;

    BatchQueryHandler(RecordsQueryHandler queries) {
        this.queries = queries;
    }

    @Override
    public Response handle(CloudKitRequest request) throws Exception {
        JsonNode batch = request.http().json().path("batch");
        if (!batch.isArray()) {
            return CloudKitErrors.badRequest("BadRequestException: missing batch");
        }
        ObjectNode answer = Json.object();
        ArrayNode results = answer.putArray("batch");
        for (JsonNode entry : batch) {
            Response one = queries.answer(request, entry);
            results.add(Json.MAPPER.readTree(one.body()));
        }
        return Response.prettyJson(200, answer);
    }
}
