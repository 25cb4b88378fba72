package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.SimulatorAccount;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.Checksums;
import io.github.camelicloud.simulator.state.AccountState;

/**
 * C1 {@code zones/list} (§6.3): every zone with its zoneID and syncToken, plus the database token. Accounts
 * flagged {@code zone-errors} get a zone-fetch error entry (zoneID, serverErrorCode, reason) ahead of the healthy
 * zones; {@code cmm-zone} adds a {@code CMM-<uuid>} zone (a share link, not a library) to the private database.
 */
final class ZonesListHandler implements CloudKitHandler {

    /** Our wording: no report shows the code and reason Apple puts in such an entry. */
    static final String ZONE_ERROR_CODE = "INTERNAL_ERROR";

    private final LibraryCatalog catalog;

    ZonesListHandler(LibraryCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Response handle(CloudKitRequest request) {
        AccountState account = request.account();
        boolean ownDatabase = request.database() == CloudKitDatabase.PRIVATE;
        ObjectNode answer = Json.object();
        answer.put("moreComing", false);
        answer.put("syncToken", catalog.databaseSyncToken(account, request.database()));
        ArrayNode zones = answer.putArray("zones");
        if (ownDatabase && account.has(AccountFlag.ZONE_ERRORS)) {
            zones.addObject().<ObjectNode>set("zoneID", zoneId(failingZoneName(account), account))
                    .put("serverErrorCode", ZONE_ERROR_CODE).put("reason", "Zone fetch failed");
        }
        for (Zone zone : catalog.zones(account, request.database())) {
            ObjectNode entry = zones.addObject();
            entry.set("zoneID", zone.zoneId());
            entry.put("syncToken", zone.syncToken());
        }
        if (ownDatabase && account.has(AccountFlag.CMM_ZONE)) {
            zones.addObject().<ObjectNode>set("zoneID", zoneId(cmmZoneName(account), account))
                    .put("syncToken", SyncTokens.token(account.email() + "/cmm", 1));
        }
        return Response.prettyJson(200, answer);
    }

    /** A PrimarySync* zone that is not the account's primary one, so picking the error entry is visible. */
    static String failingZoneName(AccountState account) {
        String primary = account.account().primaryZone();
        return primary.equals(SimulatorAccount.DEFAULT_PRIMARY_ZONE) ? primary + "1"
                : SimulatorAccount.DEFAULT_PRIMARY_ZONE;
    }

    /** {@code CMM-} and an uppercase UUID, as in icloud-photos-sync #327; stable per account. */
    static String cmmZoneName(AccountState account) {
        String hex = Checksums.deviceId(account.email() + "/cmm");
        return "CMM-" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    private static ObjectNode zoneId(String name, AccountState account) {
        return Json.object().put("zoneName", name).put("ownerRecordName", account.identity().ownerRecordName())
                .put("zoneType", "REGULAR_CUSTOM_ZONE");
    }
}
