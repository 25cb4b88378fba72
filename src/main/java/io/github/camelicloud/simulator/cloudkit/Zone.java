package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;

/**
 * A CloudKit record zone (a Photos library).
 *
 * @param syncToken the zone's current change token
 */
public record Zone(String zoneName, String ownerRecordName, String zoneType, String syncToken) {

    public static final String PRIMARY = "PrimarySync";

    /** The full zoneID object clients echo back verbatim. */
    public ObjectNode zoneId() {
        return Json.object().put("zoneName", zoneName).put("ownerRecordName", ownerRecordName)
                .put("zoneType", zoneType);
    }
}
