package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** §6.2: one CheckIndexingState record, state FINISHED, progress 100. */
final class CheckIndexingStateQuery implements RecordQuery {

    static final String RECORD_TYPE = "CheckIndexingState";
    /** Apple's record timestamps predate the account; a fixed one keeps answers stable. */
    private static final long CREATED = 1_533_040_623_320L;

    @Override
    public Response answer(CloudKitRequest request, JsonNode body, Zone zone) {
        ObjectNode record = Json.object();
        record.put("recordName", "_" + UUID.nameUUIDFromBytes((zone.ownerRecordName() + "/" + zone.zoneName())
                .getBytes(StandardCharsets.UTF_8)));
        record.put("recordType", RECORD_TYPE);
        ObjectNode fields = record.putObject("fields");
        fields.putObject("progress").put("value", 100).put("type", "INT64");
        fields.putObject("state").put("value", "FINISHED").put("type", "STRING");
        record.putObject("pluginFields");
        record.put("recordChangeTag", "0");
        record.set("created", stamp());
        record.set("modified", stamp());
        record.put("deleted", false);
        record.set("zoneID", zone.zoneId());
        ObjectNode answer = Json.object();
        answer.putArray("records").add(record);
        if (request.wantsSyncToken()) {
            answer.put("syncToken", zone.syncToken());
        }
        return Response.prettyJson(200, answer);
    }

    private static ObjectNode stamp() {
        return Json.object().put("timestamp", CREATED).put("userRecordName", "_10").put("deviceID", "1");
    }
}
