package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query's {@code filterBy}: an array of {@code {fieldName, comparator, fieldValue:{type, value}}} (the count
 * batch sends a single object), keyed by field name. Photos indexes only use EQUALS and IN.
 */
record QueryFilters(Map<String, JsonNode> values) {

    static QueryFilters of(JsonNode query) {
        JsonNode filterBy = query.path("filterBy");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (JsonNode filter : filterBy.isArray() ? filterBy : List.of(filterBy)) {
            if (filter.hasNonNull("fieldName")) {
                values.put(filter.get("fieldName").asText(), filter.path("fieldValue").path("value"));
            }
        }
        return new QueryFilters(values);
    }

    Optional<String> text(String field) {
        JsonNode value = values.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? Optional.empty()
                : Optional.of(value.asText());
    }

    Optional<Long> number(String field) {
        JsonNode value = values.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.asLong());
        }
        try {
            return Optional.of(Long.parseLong(value.asText().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A STRING_LIST (or single string) value as a list. */
    List<String> list(String field) {
        JsonNode value = values.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            return java.util.stream.StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).toList();
        }
        return List.of(value.asText());
    }
}
