package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays cassettes over real loopback HTTP with the JDK client. */
class CassetteReplayServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIVATE_DB = "/database/1/com.apple.photos.cloud/production/private";
    private static final String LIST_QUERY = "{\"query\":{\"filterBy\":["
            + "{\"fieldName\":\"startRank\",\"fieldValue\":{\"type\":\"INT64\",\"value\":0},\"comparator\":\"EQUALS\"},"
            + "{\"fieldName\":\"direction\",\"fieldValue\":{\"type\":\"STRING\",\"value\":\"ASCENDING\"},\"comparator\":\"EQUALS\"}],"
            + "\"recordType\":\"CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted\"},\"resultsLimit\":200,"
            + "\"zoneID\":{\"zoneName\":\"PrimarySync\"}}";
    private static final String RECORDED_QUERY_SHUFFLED = "getCurrentSyncToken=True&remapEnums=True&dsid=12345678901"
            + "&clientId=DE309E26-942E-11E8-92F5-14109FE0B321&clientMasteringNumber=2522B2"
            + "&clientBuildNumber=2522Project44";
    private static final String INDEXING_QUERY =
            "{\"query\":{\"recordType\":\"CheckIndexingState\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}";

    @Test
    void validateRewritesServiceUrlsAndScrubsCookies() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("successful_auth"))) {
            String base = replay.baseUrl();
            HttpResponse<String> r = post(base + "/setup/ws/1/validate", "null");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
            assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().getBytes().length);
            JsonNode ws = JSON.readTree(r.body()).path("webservices");
            assertThat(ws.path("ckdatabasews").path("url").asText()).isEqualTo(base + "/_host/p61-ckdatabasews.icloud.com");
            assertThat(ws.path("mpp").path("url").asText()).isEqualTo(base + "/_host/relay.icloud-mpp.com");
            assertThat(JSON.readTree(r.body()).path("configBag").path("urls").path("accountLogin").asText())
                    .isEqualTo(base + "/setup/ws/1/accountLogin");
            assertThat(r.body()).doesNotContain("https://");

            List<String> cookies = r.headers().allValues("Set-Cookie");
            assertThat(cookies).hasSize(7).allSatisfy(c -> assertThat(c)
                    .doesNotContainIgnoringCase("domain=").doesNotContainIgnoringCase("secure")
                    .contains("Path=/"));
            assertThat(cookies.get(0)).startsWith("X-APPLE-WEBAUTH-PCS-Documents=\"pcsdocs-1234567890=\"; Expires=");

            assertThat(replay.requests()).singleElement().satisfies(q -> {
                assertThat(q.method()).isEqualTo("POST");
                assertThat(q.path()).isEqualTo("/setup/ws/1/validate");
                assertThat(q.query()).isNull();
                assertThat(q.body()).isEqualTo("null");
            });
            assertThat(replay.unplayed()).isEmpty();
            assertThat(replay.playCount("POST", "/validate")).isEqualTo(1);
        }
    }

    @Test
    void recordingsPlayOnceInRecordedOrderMatchedByTheQueryInAnyOrder() throws Exception {
        Path cassette = Cassettes.require("listing_photos");
        CassetteReplayServer replay = CassetteReplayServer.start(cassette);
        String base = replay.baseUrl();
        JsonNode validate = JSON.readTree(post(base + "/setup/ws/1/validate", "null").body());
        String ck = validate.path("webservices").path("ckdatabasews").path("url").asText() + PRIVATE_DB;

        // the recorded query's pairs in another order match; among the recordings on that URL the body decides
        HttpResponse<String> first = post(ck + "/records/query?" + RECORDED_QUERY_SHUFFLED, LIST_QUERY);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).at("/records/0/recordType").asText()).isEqualTo("CPLMaster");
        HttpResponse<String> indexing = post(ck + "/records/query?" + RECORDED_QUERY_SHUFFLED, INDEXING_QUERY);
        assertThat(JSON.readTree(indexing.body()).at("/records/0/recordType").asText()).isEqualTo("CheckIndexingState");
        assertThat(post(ck + "/records/query?remapEnums=True", INDEXING_QUERY).statusCode())
                .as("a query that differs from the recording").isEqualTo(599);

        String url = recordedUri(cassette, "GET", "/B/").replace("https://cvws.icloud-content.com",
                base + "/_host/cvws.icloud-content.com");
        URI download = URI.create(url);
        byte[] recorded = Cassette.load(cassette).interactions().stream()
                .filter(i -> i.request().method().equals("GET")).findFirst().orElseThrow().response().body().bytes();
        HttpResponse<byte[]> full = HTTP.send(HttpRequest.newBuilder(download).header("Range", "bytes=0-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"%24%7Bf%7D\"; filename*=UTF-8''%24%7Bf%7D");
        assertThat(full.body()).isEqualTo(recorded);
        assertThat(HTTP.send(HttpRequest.newBuilder(download).build(), HttpResponse.BodyHandlers.ofByteArray())
                .statusCode()).as("played once: a second download has no recording left").isEqualTo(599);

        assertThat(replay.requests().get(4).path()).endsWith("/$%7Bf%7D");
        assertThat(replay.playCount("POST", "/records/query")).isEqualTo(2);
        assertThat(replay.playCount("GET", "/${f}")).isEqualTo(1);
        assertThat(replay.unmatched()).hasSize(2);
        assertThatThrownBy(replay::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no recording answers [POST /_host/p61-ckdatabasews.icloud.com" + PRIVATE_DB
                        + "/records/query?remapEnums=True, GET /_host/cvws.icloud-content.com/B/");
    }

    @Test
    void aRecordingLeftUnplayedFailsTheTestUnlessDeclared() throws Exception {
        CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("successful_auth"))
                .everyRecordingIsUsed();
        assertThatThrownBy(replay::close).isInstanceOf(AssertionError.class)
                .hasMessageContaining("never played: [POST https://setup.icloud.com/setup/ws/1/validate]");
        CassetteReplayServer.start(Cassettes.require("successful_auth")).everyRecordingIsUsed()
                .mayLeaveUnplayed("POST", "/validate").close();
        CassetteReplayServer.start(Cassettes.require("successful_auth")).close(); // not asked to check
    }

    @Test
    void aDeclaredUnrecordedRequestIsAnsweredWith599AndAccepted() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("successful_auth"))
                .mayAskUnrecorded("PUT", "/verify/trusteddevice/securitycode")) {
            HttpResponse<String> push = HTTP.send(HttpRequest.newBuilder(URI.create(replay.baseUrl()
                    + "/appleauth/auth/verify/trusteddevice/securitycode")).PUT(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(push.statusCode()).isEqualTo(599);
        }
    }

    @Test
    void scrubbedDownloadPlaysAsRecordedDespiteRange() throws Exception {
        Path cassette = Cassettes.require("listing_photos_resume");
        try (CassetteReplayServer replay = CassetteReplayServer.start(cassette)) {
            String path = recordedUri(cassette, "GET", "/B/").replace("https://cvws.icloud-content.com",
                    replay.baseUrl() + "/_host/cvws.icloud-content.com");
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(path)).header("Range", "bytes=1234-").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).hasSize(617);
            assertThat(r.headers().firstValue("Content-Range")).isEmpty();
        }
    }

    @Test
    void aRetryBeyondTheRecordedOnesIsUnanswered() throws Exception {
        CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("failed_auth_503"));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = post(replay.baseUrl() + "/appleauth/auth/signin/init", "{\"accountName\":\"jdoe@gmail.com\"}");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("Service Temporary Unavailable");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(r.headers().firstValue("scnt")).hasValue("scnt-1234567890"); // name case is normalised
            assertThat(r.headers().allValues("Cache-Control")).containsExactly("no-cache", "no-store");
            assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
        }
        assertThat(post(replay.baseUrl() + "/appleauth/auth/signin/init", "{}").statusCode()).isEqualTo(599);
        assertThat(replay.playCount("POST", "/signin/init")).isEqualTo(2);
        assertThat(replay.unplayed()).isEmpty();
        assertThatThrownBy(replay::close).hasMessageContaining("no recording answers [POST /appleauth/auth/signin/init]");
    }

    @Test
    void unknownRequestsGet599() throws Exception {
        CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("successful_auth"));
        String base = replay.baseUrl();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/setup/ws/1/nope?x=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(599);
        assertThat(r.body()).isEqualTo("no recorded interaction for GET " + base + "/setup/ws/1/nope?x=1");

        // right path, wrong method
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/setup/ws/1/validate")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(599);

        assertThat(replay.unmatched()).extracting(ReceivedRequest::toString)
                .containsExactly("GET /setup/ws/1/nope?x=1", "GET /setup/ws/1/validate");
        assertThat(replay.unplayed()).hasSize(1);
        assertThatThrownBy(replay::close).isInstanceOf(AssertionError.class);
    }

    @Test
    void severalCassettesPlayInOrder() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require(
                "download_autodelete_photos_part1"), Cassettes.require("download_autodelete_photos_part2"))) {
            JsonNode first = JSON.readTree(post(replay.baseUrl() + "/setup/ws/1/validate", "null").body());
            JsonNode second = JSON.readTree(post(replay.baseUrl() + "/setup/ws/1/validate", "null").body());
            assertThat(first.path("dsInfo").path("dsid").asText()).isNotBlank();
            assertThat(second.path("dsInfo").path("dsid").asText()).isNotBlank();
            assertThat(replay.unplayed()).hasSize(8 + 7 - 2);
        }
    }

    /** The URI of the first recorded {@code method} request whose URI contains {@code part}. */
    private static String recordedUri(Path cassette, String method, String part) {
        return Cassette.load(cassette).interactions().stream().map(Cassette.Interaction::request)
                .filter(r -> r.method().equals(method) && r.uri().contains(part)).findFirst().orElseThrow().uri();
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
