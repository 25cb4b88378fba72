package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.SimClient.Reply;
import io.github.camelicloud.testing.SimulatorExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** changes/zone (icloud-protocol.md §13 1.3–1.5, checklist §4) and the request counter hook. */
class ChangesZoneTest {

    private static final String USER = "feed@example.com";
    private static final String PASSWORD = "feed-password";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.seed(8).assets(120).videoSize(100_000)
            .account(USER + ":" + PASSWORD));
    private static PhotosClient photos;

    @BeforeAll
    static void start() {
        photos = new PhotosClient(apple.get(), USER, PASSWORD);
    }

    @Test
    void aListingTokenIsCaughtUpAndLaterChangesComeAtTheirLatestState() {
        String token = listingToken();
        JsonNode idle = changes(token, null).at("/zones/0");
        assertThat(idle.get("records")).isEmpty();
        assertThat(idle.get("moreComing").asBoolean()).isFalse();
        assertThat(idle.get("syncToken").asText()).isEqualTo(token);

        List<PhotosClient.Pair> before = photos.listAll("private", PhotosClient.ALL_PHOTOS, "PrimarySync", 200);
        String added = apple.get().addAsset(USER, NewAsset.of("IMG_9001.JPG", 5000)).id();
        String edited = before.get(3).id();
        apple.get().editAsset(USER, edited);
        apple.get().editAsset(USER, edited); // twice: still one record, at its latest state
        String trashed = before.get(5).id();
        apple.get().deleteAsset(USER, trashed);
        String expunged = before.get(7).id();
        String expungedAsset = before.get(7).asset().get("recordName").asText();
        apple.get().expungeAsset(USER, expunged);

        JsonNode zone = changes(token, null).at("/zones/0");
        assertThat(zone.get("moreComing").asBoolean()).isFalse();
        assertThat(zone.get("syncToken").asText()).isNotEqualTo(token);
        List<String> masters = new ArrayList<>();
        List<String> assets = new ArrayList<>();
        Set<String> tombstones = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (JsonNode r : zone.get("records")) {
            if (r.get("deleted").asBoolean()) {
                assertThat(r.has("recordType")).isFalse();
                assertThat(r.has("fields")).isFalse();
                assertThat(r.get("recordChangeTag").asText()).isNotEmpty();
                tombstones.add(r.get("recordName").asText());
                continue;
            }
            switch (r.get("recordType").asText()) {
                case "CPLMaster" -> masters.add(r.get("recordName").asText());
                case "CPLAsset" -> assets.add(r.at("/fields/masterRef/value/recordName").asText());
                default -> other.add(r.get("recordType").asText());
            }
        }
        assertThat(masters).containsExactlyInAnyOrder(added, trashed); // an edit changes only the CPLAsset
        assertThat(assets).containsExactlyInAnyOrder(added, edited, trashed);
        assertThat(tombstones).containsExactlyInAnyOrder(expunged, expungedAsset);
        assertThat(other).contains("CPLLibraryInfo"); // noise a client ignores
        for (JsonNode r : zone.get("records")) {
            if ("CPLAsset".equals(r.path("recordType").asText()) && r.at("/fields/masterRef/value/recordName")
                    .asText().equals(trashed)) {
                assertThat(r.at("/fields/isDeleted/value").asInt()).isEqualTo(1);
            }
        }

        JsonNode after = changes(zone.get("syncToken").asText(), null).at("/zones/0");
        assertThat(after.get("records")).isEmpty();
        assertThat(after.get("syncToken").asText()).isEqualTo(zone.get("syncToken").asText());
    }

    @Test
    void withoutATokenTheWholeHistoryComesInPagesOfAtMost200() {
        String token = null;
        Set<String> masters = new HashSet<>();
        int pages = 0;
        boolean more;
        do {
            ObjectNode body = body(token, 500);
            JsonNode zone = photos.ok("private", "changes/zone", body).at("/zones/0");
            assertThat(zone.get("records").size()).isLessThanOrEqualTo(200);
            zone.get("records").forEach(r -> {
                if ("CPLMaster".equals(r.path("recordType").asText())) {
                    masters.add(r.get("recordName").asText());
                }
            });
            token = zone.get("syncToken").asText();
            more = zone.get("moreComing").asBoolean();
            pages++;
        } while (more);
        assertThat(pages).isGreaterThan(1);
        assertThat(masters).containsAll(PhotosClient.ids(photos.listAll("private", PhotosClient.ALL_PHOTOS,
                "PrimarySync", 200)));

        JsonNode small = photos.ok("private", "changes/zone", body(null, 10)).at("/zones/0");
        assertThat(small.get("records")).hasSize(10);
        assertThat(small.get("moreComing").asBoolean()).isTrue();

        JsonNode caughtUp = photos.ok("private", "changes/zone", body("", 0)).at("/zones/0");
        assertThat(caughtUp.get("records")).isEmpty();
        assertThat(caughtUp.get("moreComing").asBoolean()).isFalse();
    }

    @Test
    void badTokensAndUnknownZonesAreZoneLevelErrorsInA200() {
        String valid = listingToken();
        String databaseToken = photos.ok("private", "zones/list", SimClient.JSON.createObjectNode())
                .get("syncToken").asText();
        for (String bad : List.of("garbage", valid.substring(0, valid.length() - 8), databaseToken)) {
            Reply reply = photos.call("private", "changes/zone", body(bad, 0));
            assertThat(reply.status()).isEqualTo(200);
            JsonNode zone = reply.json().at("/zones/0");
            assertThat(zone.get("serverErrorCode").asText()).as(bad).isEqualTo("BAD_REQUEST");
            assertThat(zone.get("reason").asText()).isEqualTo("Unknown sync continuation type");
            assertThat(zone.at("/zoneID/zoneName").asText()).isEqualTo("PrimarySync");
        }
        ObjectNode unknown = body(valid, 0);
        ((ObjectNode) unknown.at("/zones/0/zoneID")).put("zoneName", "SharedSync");
        JsonNode zone = photos.ok("private", "changes/zone", unknown).at("/zones/0");
        assertThat(zone.get("serverErrorCode").asText()).isEqualTo("ZONE_NOT_FOUND");
    }

    @Test
    void requestsAreCountedPerEndpointAndTheHookCanReset() {
        apple.get().resetRequestCounts();
        listingToken();
        changes(listingToken(), null);
        assertThat(apple.get().requestCounts()).containsEntry(
                "POST /database/1/com.apple.photos.cloud/production/private/records/query", 2L)
                .containsEntry("POST /database/1/com.apple.photos.cloud/production/private/changes/zone", 1L);
        assertThat(apple.get().requestCount()).isEqualTo(3);
        SimClient hooks = new SimClient(apple.get().baseUrl());
        JsonNode counted = hooks.send("GET", "/_simulator/stats", null).json();
        assertThat(counted.get("total").asLong()).isEqualTo(3); // hooks themselves are not counted
        assertThat(hooks.send("DELETE", "/_simulator/stats", null).json().get("total").asLong()).isZero();
        assertThat(apple.get().requestCount()).isZero();
    }

    private static String listingToken() {
        JsonNode page = photos.ok("private", "records/query",
                PhotosClient.listQuery(PhotosClient.ALL_PHOTOS, "PrimarySync", 0, "ASCENDING", 2));
        return page.get("syncToken").asText();
    }

    private static JsonNode changes(String token, Integer limit) {
        return photos.ok("private", "changes/zone", body(token, limit == null ? 0 : limit));
    }

    private static ObjectNode body(String token, int limit) {
        ObjectNode body = SimClient.JSON.createObjectNode();
        ObjectNode zone = body.putArray("zones").addObject();
        zone.putObject("zoneID").put("zoneName", "PrimarySync").put("zoneType", "REGULAR_CUSTOM_ZONE");
        if (token != null) {
            zone.put("syncToken", token);
        }
        if (limit > 0) {
            zone.put("resultsLimit", limit);
        }
        return body;
    }
}
