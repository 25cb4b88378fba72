package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.http.Response;

/** Answers {@code records/query} for one record type; register more with {@link RecordQueries#register}. */
@FunctionalInterface
public interface RecordQuery {

    /**
     * @param body the whole request body ({@code query}, {@code zoneID}, {@code resultsLimit}, ...)
     * @param zone the zone named by {@code zoneID}, already checked to exist
     */
    Response answer(CloudKitRequest request, JsonNode body, Zone zone) throws Exception;
}
