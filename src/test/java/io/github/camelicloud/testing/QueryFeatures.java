package io.github.camelicloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a CloudKit request body that tell recorded calls to the same URL apart.
 *
 * <p>{@code records/query} is used for indexing state, album lists and asset pages, all on one
 * path, and query strings are not compared. So among unplayed candidates the server prefers the
 * one whose recorded body asks the same thing: same {@code query.recordType}, same
 * {@code filterBy} values (startRank, smartAlbum, parentId, ...), same {@code zoneID.zoneName}.
 * Recorded bodies are often stale (older icloudpd), so this is a score, never a filter.
 */
record QueryFeatures(String recordType, String zoneName, Map<String, JsonNode> filters) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final QueryFeatures NONE = new QueryFeatures(null, null, Map.of());

    /** Features of a request body; {@link #NONE} when it is absent or not a JSON object. */
    static QueryFeatures of(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        // internal/records/query/batch wraps the query: {"batch": [{query, zoneID, ...}]}
        JsonNode q = root.path("batch").isArray() && root.path("batch").size() > 0 ? root.path("batch").get(0) : root;
        Map<String, JsonNode> filters = new LinkedHashMap<>();
        JsonNode filterBy = q.path("query").path("filterBy");
        Iterable<JsonNode> list = filterBy.isArray() ? filterBy : List.of(filterBy);
        for (JsonNode f : list) {
            if (f.hasNonNull("fieldName")) {
                filters.put(f.get("fieldName").asText(), f.path("fieldValue").path("value"));
            }
        }
        return new QueryFeatures(text(q.path("query").path("recordType")), text(q.path("zoneID").path("zoneName")), filters);
    }

    /** How many features of {@code ours} the recorded body shares (0 when nothing can be compared). */
    int score(QueryFeatures ours) {
        int score = 0;
        if (recordType != null && recordType.equals(ours.recordType)) {
            score += 2; // the query kind matters more than any single filter
        }
        if (zoneName != null && zoneName.equals(ours.zoneName)) {
            score++;
        }
        for (Map.Entry<String, JsonNode> f : filters.entrySet()) {
            if (f.getValue().equals(ours.filters.get(f.getKey()))) {
                score++;
            }
        }
        return score;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
