package io.github.camelicloud.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
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
    private static final String INDEXING_QUERY =
            "{\"query\":{\"recordType\":\"CheckIndexingState\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}";

    @Test
    void validateRewritesServiceUrlsAndScrubsCookies() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("successful_auth"))) {
            String base = replay.baseUrl();
            HttpResponse<String> r = post(base + "/setup/ws/1/validate?clientBuildNumber=ours&clientId=X", "null");

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
                assertThat(q.query()).isEqualTo("clientBuildNumber=ours&clientId=X");
                assertThat(q.body()).isEqualTo("null");
            });
            assertThat(replay.unplayed()).isEmpty();
            assertThat(replay.playCount("POST", "/validate")).isEqualTo(1);
        }
    }

    @Test
    void cloudKitTieBreakAndDownloadThroughRewrittenUrl() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("listing_photos"))) {
            String base = replay.baseUrl();
            JsonNode validate = JSON.readTree(post(base + "/setup/ws/1/validate", "null").body());
            String ck = validate.path("webservices").path("ckdatabasews").path("url").asText() + PRIVATE_DB;

            // recorded order would answer the first records/query with CheckIndexingState: the body decides
            HttpResponse<String> page = post(ck + "/records/query?remapEnums=True", LIST_QUERY);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode records = JSON.readTree(page.body()).path("records");
            assertThat(records.get(0).path("recordType").asText()).isEqualTo("CPLMaster");

            JsonNode indexing = JSON.readTree(post(ck + "/records/query?remapEnums=True", INDEXING_QUERY).body());
            assertThat(indexing.path("records").get(0).path("recordType").asText()).isEqualTo("CheckIndexingState");
            assertThat(indexing.path("records").get(0).path("recordName").asText())
                    .isEqualTo("_ac333066-5d55-4c42-b033-f05bb9d2873c");

            String url = records.get(0).path("fields").path("resOriginalRes").path("value").path("downloadURL").asText();
            assertThat(url).startsWith(base + "/_host/cvws.icloud-content.com/B/AY6c-BsE0jjaXx9tmVGJM1D2VcEO").contains("/${f}?");
            URI download = URI.create(url.replace("{", "%7B").replace("}", "%7D"));
            byte[] recorded = Cassette.load(Cassettes.require("listing_photos")).interactions().get(11).response().body().bytes();

            HttpResponse<byte[]> full = HTTP.send(HttpRequest.newBuilder(download).header("Range", "bytes=0-").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(full.statusCode()).isEqualTo(200);
            assertThat(full.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(full.headers().firstValue("Content-Disposition")).hasValue(
                    "attachment; filename=\"%24%7Bf%7D\"; filename*=UTF-8''%24%7Bf%7D");
            assertThat(full.body()).isEqualTo(recorded);

            // played already: the last play repeats, and a resume offset gets the tail as 206
            HttpResponse<byte[]> tail = HTTP.send(HttpRequest.newBuilder(download).header("Range", "bytes=1000-").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(tail.statusCode()).isEqualTo(206);
            assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 1000-1884694/1884695");
            assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(recorded, 1000, recorded.length));

            assertThat(replay.requests()).extracting(ReceivedRequest::decodedPath).containsExactly(
                    "/setup/ws/1/validate",
                    "/_host/p61-ckdatabasews.icloud.com" + PRIVATE_DB + "/records/query",
                    "/_host/p61-ckdatabasews.icloud.com" + PRIVATE_DB + "/records/query",
                    download.getPath().replace("%7B", "{").replace("%7D", "}"),
                    download.getPath().replace("%7B", "{").replace("%7D", "}"));
            assertThat(replay.requests().get(3).path()).endsWith("/$%7Bf%7D");
            assertThat(replay.requests().get(3).header("range")).isEqualTo("bytes=0-");
            assertThat(replay.playCount("POST", "/records/query")).isEqualTo(2);
            assertThat(replay.playCount("GET", "/${f}")).isEqualTo(2);
            assertThat(replay.repeats()).isEqualTo(1);
            assertThat(replay.unmatched()).isEmpty();
            assertThat(replay.unplayed()).hasSize(13 - 4);
        }
    }

    @Test
    void scrubbedDownloadPlaysAsRecordedDespiteRange() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("listing_photos_resume"))) {
            String path = replay.baseUrl() + "/_host/cvws.icloud-content.com/B/"
                    + "AY6c-BsE0jjaXx9tmVGJM1D2VcEOAfUMnLhKAW8bwnMCwMMXLMKCslue/%24%7Bf%7D?o=whatever";
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(path)).header("Range", "bytes=1234-").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).hasSize(617);
            assertThat(r.headers().firstValue("Content-Range")).isEmpty();
        }
    }

    @Test
    void lastPlayRepeatsForRetries() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("failed_auth_503"))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = post(replay.baseUrl() + "/appleauth/auth/signin/init", "{\"accountName\":\"jdoe@gmail.com\"}");
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(r.body()).isEqualTo("Service Temporary Unavailable");
                assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
                assertThat(r.headers().firstValue("scnt")).hasValue("scnt-1234567890"); // name case is normalised
                assertThat(r.headers().allValues("Cache-Control")).containsExactly("no-cache", "no-store");
                assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
            }
            assertThat(replay.playCount("POST", "/signin/init")).isEqualTo(3);
            assertThat(replay.repeats()).isEqualTo(1);
            assertThat(replay.unplayed()).isEmpty();
        }
    }

    @Test
    void unknownRequestsGet599() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(Cassettes.require("successful_auth"))) {
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
        }
    }

    @Test
    void severalCassettesPlayInOrder() throws Exception {
        try (CassetteReplayServer replay = CassetteReplayServer.start(
                Cassettes.require("download_autodelete_photos_part1"), Cassettes.require("download_autodelete_photos_part2"))) {
            JsonNode first = JSON.readTree(post(replay.baseUrl() + "/setup/ws/1/validate", "null").body());
            JsonNode second = JSON.readTree(post(replay.baseUrl() + "/setup/ws/1/validate", "null").body());
            assertThat(first.path("dsInfo").path("dsid").asText()).isNotBlank();
            assertThat(second.path("dsInfo").path("dsid").asText()).isNotBlank();
            assertThat(replay.repeats()).isZero();
            assertThat(replay.unplayed()).hasSize(8 + 7 - 2);
        }
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
