package io.github.camelicloud.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.http.Json;
import java.time.Duration;

/**
 * {@code {"type","method","path","status","count","retryAfterSeconds","delayMillis","cutAfterBytes"}} ⇄ {@link Fault}; {@code type}
 * is a kind (reset, truncate, stall, slow, expire-session) and may be left out for a status fault.
 */
final class FaultJson {

    private FaultJson() {
    }

    static Fault read(JsonNode json) {
        Fault.Kind kind = json.hasNonNull("type") ? Fault.Kind.parse(json.get("type").asText()) : Fault.Kind.STATUS;
        if (!json.isObject() || !json.hasNonNull("path") || (kind == Fault.Kind.STATUS && !json.hasNonNull("status"))) {
            throw new IllegalArgumentException("a fault needs at least \"path\" and \"status\" (or \"type\": reset, "
                    + "truncate, stall, slow, expire-session)");
        }
        JsonNode retry = json.get("retryAfterSeconds");
        JsonNode delay = json.get("delayMillis");
        return new Fault(json.path("method").asText("*"), json.get("path").asText(), json.path("status").asInt(0),
                json.path("count").asInt(1),
                retry == null || retry.isNull() ? null : Duration.ofSeconds(retry.asLong()), kind,
                delay == null || delay.isNull() ? null : Duration.ofMillis(delay.asLong()),
                json.path("cutAfterBytes").asLong(0));
    }

    static ObjectNode write(Fault fault) {
        ObjectNode node = Json.object().put("type", fault.kind().wireName()).put("method", fault.method()).put("path", fault.path())
                .put("status", fault.status()).put("count", fault.count());
        if (fault.retryAfter() != null) {
            node.put("retryAfterSeconds", fault.retryAfter().toSeconds());
        } else {
            node.putNull("retryAfterSeconds");
        }
        node.put("delayMillis", fault.delay().toMillis());
        node.put("cutAfterBytes", fault.cutAfter());
        return node;
    }
}
