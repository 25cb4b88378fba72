package io.github.camelicloud.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.http.Json;
import java.time.Duration;

/** {@code {"method","path","status","count","retryAfterSeconds"}} ⇄ {@link Fault}. */
final class FaultJson {

    private FaultJson() {
    }

    static Fault read(JsonNode json) {
        if (!json.isObject() || !json.hasNonNull("path") || !json.hasNonNull("status")) {
            throw new IllegalArgumentException("a fault needs at least \"path\" and \"status\"");
        }
        JsonNode retry = json.get("retryAfterSeconds");
        return new Fault(json.path("method").asText("*"), json.get("path").asText(), json.get("status").asInt(),
                json.path("count").asInt(1),
                retry == null || retry.isNull() ? null : Duration.ofSeconds(retry.asLong()));
    }

    static ObjectNode write(Fault fault) {
        ObjectNode node = Json.object().put("method", fault.method()).put("path", fault.path())
                .put("status", fault.status()).put("count", fault.count());
        if (fault.retryAfter() != null) {
            node.put("retryAfterSeconds", fault.retryAfter().toSeconds());
        } else {
            node.putNull("retryAfterSeconds");
        }
        return node;
    }
}
