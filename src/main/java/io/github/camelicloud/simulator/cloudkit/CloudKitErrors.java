package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import java.util.UUID;

/** CloudKit's error body {@code {"uuid","serverErrorCode","reason"}} with its HTTP status (Apple's error table). */
public final class CloudKitErrors {

    private CloudKitErrors() {
    }

    public static Response error(int status, String serverErrorCode, String reason) {
        return Response.prettyJson(status, Json.object().put("uuid", UUID.randomUUID().toString())
                .put("serverErrorCode", serverErrorCode).put("reason", reason));
    }

    public static Response badRequest(String reason) {
        return error(400, "BAD_REQUEST", reason);
    }
}
