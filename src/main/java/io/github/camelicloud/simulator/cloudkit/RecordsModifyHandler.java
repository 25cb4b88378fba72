package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.Asset;
import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.library.PhotoLibrary;
import io.github.camelicloud.simulator.library.Status;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * C4 {@code records/modify} (§7): {@code update} (change tag checked) and {@code forceUpdate} of a CPLAsset's
 * {@code isDeleted}, {@code isHidden} or {@code isFavorite}. isDeleted 1 moves the asset to Recently Deleted at
 * once (the indexes re-rank on the next query), 0 restores it. The answer echoes each updated record (with
 * {@code desiredKeys}) or a per-record error: CONFLICT for a stale tag, UNKNOWN_ITEM, BAD_REQUEST; with
 * {@code atomic} nothing is applied when one fails and the others say ATOMIC_ERROR.
 */
final class RecordsModifyHandler implements CloudKitHandler {

    private static final List<String> WRITABLE = List.of("isDeleted", "isHidden", "isFavorite");

    private final SimulatorState state;
    private final PhotoCatalog catalog;
    private final RecordJson json;

    RecordsModifyHandler(SimulatorState state, PhotoCatalog catalog, RecordJson json) {
        this.state = state;
        this.catalog = catalog;
        this.json = json;
    }

    /** A validated change, or why it was refused. */
    private record Outcome(String recordName, Asset asset, Status status, String errorCode, String reason) {

        static Outcome error(String recordName, String code, String reason) {
            return new Outcome(recordName, null, null, code, reason);
        }

        boolean failed() {
            return errorCode != null;
        }
    }

    @Override
    public Response handle(CloudKitRequest request) {
        JsonNode body = request.http().json();
        JsonNode operations = body.path("operations");
        if (!body.isObject() || !operations.isArray()) {
            return CloudKitErrors.badRequest("BadRequestException: missing operations");
        }
        String zoneName = Optional.ofNullable(Json.text(body, "zoneID", "zoneName")).orElse("PrimarySync");
        Optional<LibraryZone> found = catalog.libraryZone(request.account(), request.database(), zoneName);
        if (found.isEmpty()) {
            return CloudKitErrors.error(404, "ZONE_NOT_FOUND", "Zone '" + zoneName + "' does not exist");
        }
        LibraryZone zone = found.get();
        PhotoLibrary library = catalog.library(request.account());
        boolean atomic = body.path("atomic").asBoolean(false);
        RecordJson.Context context = new RecordJson.Context(state.hosts().contentRoot(request.http()), state.now(),
                RecordJson.Context.desiredKeys(body));
        ObjectNode answer = Json.object();
        ArrayNode records = answer.putArray("records");
        synchronized (zone) {
            Instant now = state.now();
            if (atomic) {
                List<Outcome> outcomes = new ArrayList<>();
                operations.forEach(op -> outcomes.add(validate(zone, op, now)));
                boolean anyFailed = outcomes.stream().anyMatch(Outcome::failed);
                for (Outcome outcome : outcomes) {
                    if (outcome.failed()) {
                        records.add(error(outcome.recordName(), outcome.errorCode(), outcome.reason()));
                    } else if (anyFailed) {
                        records.add(error(outcome.recordName(), "ATOMIC_ERROR", "Atomic failure"));
                    } else {
                        records.add(apply(library, zone, outcome, now, context));
                    }
                }
            } else {
                for (JsonNode op : operations) {
                    Outcome outcome = validate(zone, op, now);
                    records.add(outcome.failed() ? error(outcome.recordName(), outcome.errorCode(), outcome.reason())
                            : apply(library, zone, outcome, now, context));
                }
            }
        }
        return Response.prettyJson(200, answer);
    }

    private ObjectNode apply(PhotoLibrary library, LibraryZone zone, Outcome outcome, Instant now,
            RecordJson.Context context) {
        Asset updated = library.setStatus(zone, outcome.asset(), outcome.status(), now);
        return json.asset(updated, zone, context);
    }

    private static Outcome validate(LibraryZone zone, JsonNode op, Instant now) {
        JsonNode record = op.path("record");
        String recordName = record.path("recordName").asText("");
        String type = op.path("operationType").asText("");
        if (!type.equals("update") && !type.equals("forceUpdate")) {
            return Outcome.error(recordName, "BAD_REQUEST", "Operation type '" + type + "' is not supported here");
        }
        if (!"CPLAsset".equals(record.path("recordType").asText())) {
            return Outcome.error(recordName, "BAD_REQUEST", "Only CPLAsset records can be updated");
        }
        Optional<Asset> found = zone.findByAssetName(recordName);
        if (found.isEmpty()) {
            return Outcome.error(recordName, "UNKNOWN_ITEM", "Record not found");
        }
        Asset asset = found.get();
        if (type.equals("update") && !asset.assetTag().equals(record.path("recordChangeTag").asText(null))) {
            return Outcome.error(recordName, "CONFLICT", "client oplock error updating record");
        }
        Status status = asset.status();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.path("fields").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!WRITABLE.contains(field.getKey())) {
                return Outcome.error(recordName, "BAD_REQUEST", "Field '" + field.getKey() + "' cannot be modified");
            }
            JsonNode value = field.getValue().path("value");
            boolean on;
            if (value.isBoolean()) {
                on = value.asBoolean();
            } else if (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1)) {
                on = value.asLong() == 1;
            } else {
                return Outcome.error(recordName, "BAD_REQUEST", "Invalid value for field '" + field.getKey() + "'");
            }
            status = switch (field.getKey()) {
                case "isDeleted" -> on ? (status.deleted() ? status : status.trashed(now)) : status.restored();
                case "isHidden" -> status.withHidden(on);
                default -> status.withFavorite(on);
            };
        }
        return new Outcome(recordName, asset, status, null, null);
    }

    private static ObjectNode error(String recordName, String code, String reason) {
        return Json.object().put("recordName", recordName).put("reason", reason).put("serverErrorCode", code)
                .put("uuid", UUID.randomUUID().toString());
    }
}
