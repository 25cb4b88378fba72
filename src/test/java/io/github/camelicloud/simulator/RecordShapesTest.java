package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.PhotosClient.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our records next to Apple's recorded ones: same envelopes, same field types, same URL template. */
class RecordShapesTest {

    private static final List<String> ENVELOPE = List.of("recordName", "recordType", "fields", "pluginFields",
            "recordChangeTag", "created", "modified", "deleted", "zoneID");

    private static PhotosClient photos;
    private static List<Pair> ours;

    @BeforeAll
    static void start() {
        Cassettes.folder();
        photos = TestLibrary.photos(TestLibrary.READER);
        ours = new ArrayList<>();
        for (String type : List.of(PhotosClient.ALL_PHOTOS, PhotosClient.DELETED, PhotosClient.HIDDEN)) {
            ours.addAll(photos.listAll("private", type, PhotosClient.PRIMARY, 200));
        }
        ours.addAll(photos.listAll("shared", PhotosClient.ALL_PHOTOS,
                TestLibrary.manifest(TestLibrary.READER).libraries().get(1).zone(), 200));
    }

    @Test
    void assetRecordsHaveTheRecordedEnvelopeAndFieldTypes() {
        Map<String, String> recordedTypes = new HashMap<>();
        List<JsonNode> recorded = new ArrayList<>();
        for (String[] call : new String[][] {{"listing_photos", "/private/records/query"},
            {"listing_photos", "/shared/records/query"}, {"listing_photos_raw", "/private/records/query"},
            {"autodelete_photos", "/private/records/query"}}) {
            for (JsonNode page : pages(call[0], call[1])) {
                page.path("records").forEach(record -> {
                    recorded.add(record);
                    record.get("fields").fields().forEachRemaining(f -> recordedTypes.put(f.getKey(),
                            f.getValue().get("type").asText()));
                });
            }
        }
        assertThat(recorded).isNotEmpty();
        int known = 0;
        for (Pair pair : ours) {
            for (JsonNode record : List.of(pair.master(), pair.asset())) {
                List<String> keys = PhotoLibraryTest.fieldNames(record);
                assertThat(keys.subList(0, ENVELOPE.size())).isEqualTo(ENVELOPE);
                assertThat(keys.size()).isLessThanOrEqualTo(ENVELOPE.size() + 1);
                assertThat(PhotoLibraryTest.fieldNames(record.get("created")))
                        .containsExactly("timestamp", "userRecordName", "deviceID");
                assertThat(PhotoLibraryTest.fieldNames(record.get("zoneID")))
                        .containsExactly("zoneName", "ownerRecordName", "zoneType");
                for (Iterator<Map.Entry<String, JsonNode>> it = record.get("fields").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    assertThat(PhotoLibraryTest.fieldNames(field.getValue())).containsExactly("value", "type");
                    String type = recordedTypes.get(field.getKey());
                    if (field.getKey().equals("filenameEnc")) {
                        // A few real masters carry it as STRING (icloudpd's string_encoding case); so do a few of ours.
                        assertThat(field.getValue().get("type").asText()).isIn("ENCRYPTED_BYTES", "STRING");
                    } else if (type != null) {
                        assertThat(field.getValue().get("type").asText()).as(field.getKey()).isEqualTo(type);
                        known++;
                    }
                }
            }
        }
        assertThat(known).isGreaterThan(500);
        JsonNode recordedDeleted = recorded.stream().filter(r -> r.has("expirationTime")).findFirst().orElseThrow();
        Pair deleted = ours.stream().filter(p -> p.asset().has("expirationTime")).findFirst().orElseThrow();
        assertThat(PhotoLibraryTest.fieldNames(deleted.asset())).isEqualTo(PhotoLibraryTest.fieldNames(
                recordedDeleted));
    }

    @Test
    void resourcesAndDownloadUrlsFollowApplesTemplate() {
        JsonNode recordedRes = pages("listing_photos", "/private/records/query").stream()
                .filter(p -> p.at("/records/0/recordType").asText().equals("CPLMaster")).findFirst().orElseThrow()
                .at("/records/0/fields/resOriginalRes/value");
        JsonNode ourRes = ours.get(0).master().at("/fields/resOriginalRes/value");
        assertThat(PhotoLibraryTest.fieldNames(ourRes)).isEqualTo(PhotoLibraryTest.fieldNames(recordedRes));
        assertThat(ourRes.get("fileChecksum").asText()).matches("A[A-Za-z0-9+/]{27}")
                .isEqualTo(ours.get(0).id());
        assertThat(ourRes.get("referenceChecksum").asText()).matches("A[A-Za-z0-9+/]{27}");
        assertThat(ourRes.get("wrappingKey").asText()).matches("[A-Za-z0-9+/]{22}==");
        String url = ourRes.get("downloadURL").asText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/B/[A-Za-z0-9_-]{56}/\\$\\{f\\}\\?o=A[A-Za-z0-9_-]{43}"
                + "&v=1&x=3&a=B[A-Za-z0-9_-]{42}&e=\\d{10}&k=[A-Za-z0-9_-]{22}&fl=&r=[0-9a-f-]{36}-1"
                + "&ckc=com\\.apple\\.photos\\.cloud&ckz=PrimarySync&y=1&p=10&s=[A-Za-z0-9_-]{27}");
        String recordedUrl = recordedRes.get("downloadURL").asText();
        assertThat(parameterNames(url)).isEqualTo(parameterNames(recordedUrl));
        String token = url.replaceAll(".*/B/([^/]+)/.*", "$1");
        assertThat(token).isEqualTo(urlSafe(ourRes.get("fileChecksum").asText())
                + urlSafe(ourRes.get("referenceChecksum").asText()));
        assertThat(url).contains("&k=" + urlSafe(ourRes.get("wrappingKey").asText()) + "&");

        JsonNode recordedDownload = Cassettes.response("listing_photos", "GET", "/B/");
        PhotosClient.Download ours = PhotosClient.download(url, "bytes=0-");
        for (String header : List.of("Accept-Ranges", "Access-Control-Allow-Origin", "Content-Disposition",
                "Content-Type", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods")) {
            assertThat(ours.header(header)).as(header)
                    .isEqualTo(recordedDownload.at("/headers/" + header + "/0").asText());
        }
    }

    @Test
    void albumsCountsAndZonesHaveTheRecordedShapes() {
        JsonNode recordedAlbums = pages("listing_albums", "/private/records/query").stream()
                .filter(p -> p.at("/records/0/recordType").asText().equals("CPLAlbum")).findFirst().orElseThrow();
        ObjectNode query = SimClient.JSON.createObjectNode();
        query.putObject("query").put("recordType", "CPLAlbumByPositionLive");
        query.putObject("zoneID").put("zoneName", PhotosClient.PRIMARY);
        JsonNode albums = photos.ok("private", "records/query", query);
        assertThat(PhotoLibraryTest.fieldNames(albums)).isEqualTo(PhotoLibraryTest.fieldNames(recordedAlbums));
        assertThat(PhotoLibraryTest.fieldNames(albums.at("/records/0/fields")))
                .containsExactlyInAnyOrderElementsOf(PhotoLibraryTest.fieldNames(recordedAlbums.at(
                        "/records/0/fields")));
        JsonNode ourAlbum = albums.at("/records/1");
        assertThat(PhotoLibraryTest.fieldNames(ourAlbum)).isEqualTo(PhotoLibraryTest.fieldNames(
                recordedAlbums.at("/records/1")));
        recordedAlbums.at("/records/1/fields").fields().forEachRemaining(f -> assertThat(
                ourAlbum.at("/fields/" + f.getKey() + "/type").asText()).isEqualTo(f.getValue().get("type").asText()));

        JsonNode recordedCount = Cassettes.responseJson("listing_photos", "POST",
                "/private/internal/records/query/batch");
        JsonNode count = photos.ok("private", "internal/records/query/batch",
                PhotoLibraryTest.countBody("CPLAssetByAddedDate"));
        assertThat(PhotoLibraryTest.fieldNames(count.at("/batch/0")))
                .isEqualTo(PhotoLibraryTest.fieldNames(recordedCount.at("/batch/0")));
        assertThat(PhotoLibraryTest.fieldNames(count.at("/batch/0/records/0")))
                .isEqualTo(PhotoLibraryTest.fieldNames(recordedCount.at("/batch/0/records/0")));

        JsonNode recordedZones = Cassettes.responseJson("listing_photos", "POST", "/shared/zones/list");
        JsonNode zones = photos.ok("shared", "zones/list", SimClient.JSON.createObjectNode());
        assertThat(PhotoLibraryTest.fieldNames(zones)).isEqualTo(PhotoLibraryTest.fieldNames(recordedZones));
        assertThat(PhotoLibraryTest.fieldNames(zones.at("/zones/0/zoneID")))
                .isEqualTo(PhotoLibraryTest.fieldNames(recordedZones.at("/zones/0/zoneID")));
    }

    private static List<String> parameterNames(String url) {
        List<String> names = new ArrayList<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            names.add(pair.substring(0, pair.indexOf('=')));
        }
        return names;
    }

    private static String urlSafe(String base64) {
        return base64.replace('+', '-').replace('/', '_').replace("=", "");
    }

    /** Every records/batch/zones page a cassette recorded for a path. */
    private static List<JsonNode> pages(String cassette, String path) {
        return Cassettes.responsesJson(cassette, path).stream()
                .filter(body -> body.has("records") || body.has("batch") || body.has("zones")).toList();
    }
}
