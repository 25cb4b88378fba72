package io.github.camelicloud.client.photos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelicloud.testing.Cassette;
import io.github.camelicloud.testing.Cassettes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every asset page Apple answered in the recordings parses, and the reference assets read as CONFORMANCE.md says. */
class CassetteAssetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRecordedPageParsesIntoOneAssetPerMaster() throws Exception {
        int pages = 0;
        for (var path : Cassettes.all()) {
            for (Cassette.Interaction i : Cassette.load(path).interactions()) {
                if (!i.request().uri().contains("/records/query")) {
                    continue;
                }
                JsonNode records = JSON.readTree(i.response().body().text()).path("records");
                long masters = 0;
                for (JsonNode r : records) {
                    if (r.path("recordType").asText().equals("CPLMaster")) {
                        masters++;
                    }
                }
                if (masters > 0) {
                    pages++;
                    List<Asset> assets = parse(records);
                    assertThat(assets).as(path.getFileName().toString()).hasSize((int) masters);
                    assertThat(assets).allSatisfy(a -> assertThat(a.versions()).containsKey(VersionType.ORIGINAL));
                }
            }
        }
        assertThat(pages).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theReferenceAssetsOfListingPhotos() throws Exception {
        List<Asset> assets = firstPage("listing_photos");
        assertThat(assets).hasSize(100);
        assertThat(assets.subList(0, 10)).extracting(a -> a.fileName().orElseThrow()).containsExactly(
                "IMG_7409.JPG", "IMG_7408.JPG", "IMG_7407.JPG", "IMG_7405.MOV", "IMG_7404.MOV", "IMG_7403.MOV",
                "IMG_7402.MOV", "IMG_7401.MOV", "IMG_7400.JPG", "IMG_7399.JPG");
        Asset live = assets.get(0);
        assertThat(live.isLivePhoto()).isTrue();
        assertThat(live.kind()).isEqualTo(ItemKind.IMAGE);
        assertThat(live.created()).isEqualTo(Instant.parse("2018-07-31T07:22:24.816Z"));
        assertThat(live.size()).isEqualTo(1884695);
        assertThat(live.version(VersionType.LIVE_ORIGINAL).orElseThrow().size()).isEqualTo(3294075);
        assertThat(live.version(VersionType.LIVE_MEDIUM).orElseThrow().size()).isEqualTo(1807733);
        assertThat(live.version(VersionType.ORIGINAL).orElseThrow().downloadUrl()).isPresent();
        Asset video = assets.get(4);
        assertThat(video.kind()).isEqualTo(ItemKind.MOVIE);
        assertThat(video.isLivePhoto()).isFalse();
        assertThat(video.size()).isEqualTo(225935003);
        assertThat(video.created()).isEqualTo(Instant.parse("2018-07-30T08:12:44Z"));
    }

    @Test
    void rawPhotosAreImagesWithTheirRawType() throws Exception {
        Asset raw = firstPage("listing_photos_raw").get(0);
        assertThat(raw.fileName()).contains("IMG_7409.DNG");
        assertThat(raw.kind()).isEqualTo(ItemKind.IMAGE);
        assertThat(raw.version(VersionType.ORIGINAL).orElseThrow().fileType()).isEqualTo("com.adobe.raw-image");
    }

    @Test
    void fileNameEncodings() {
        assertThat(AssetParser.fileName("x", field("ENCRYPTED_BYTES", "SU1HX+S4reaWh183NDA5LkpQRw==")))
                .contains("IMG_中文_7409.JPG");
        assertThat(AssetParser.fileName("x", field("STRING", "IMG_7409.JPG"))).contains("IMG_7409.JPG");
        assertThat(AssetParser.fileName("x", field("ENCRYPTED_BYTES", "aS9uIHY6YQBsKmk/ZFxwPGE+dCJofC5KUEc=")))
                .contains("i/n v:a\0l*i?d\\p<a>t\"h|.JPG");
        assertThat(AssetParser.fileName("x", field("ENCRYPTED_BYTES", "abc!!"))).isEmpty(); // not base64
        assertThat(AssetParser.fileName("x", field("ENCRYPTED_BYTES", "/w=="))).isEmpty(); // not UTF-8
        assertThat(AssetParser.fileName("x", field("ASSETID", "x"))).isEmpty();
        assertThat(AssetParser.fileName("x", JSON.createObjectNode().path("missing"))).isEmpty();
    }

    private static JsonNode field(String type, String value) {
        return JSON.createObjectNode().put("type", type).put("value", value);
    }

    private static List<Asset> firstPage(String cassette) throws Exception {
        for (Cassette.Interaction i : Cassette.load(Cassettes.require(cassette)).interactions()) {
            if (i.request().uri().contains("/private/records/query")) {
                JsonNode records = JSON.readTree(i.response().body().text()).path("records");
                List<Asset> assets = parse(records);
                if (!assets.isEmpty()) {
                    return assets;
                }
            }
        }
        throw new AssertionError("no asset page in " + cassette);
    }

    private static List<Asset> parse(JsonNode records) {
        Map<String, JsonNode> byMaster = new HashMap<>();
        for (JsonNode r : records) {
            if (r.path("recordType").asText().equals("CPLAsset")) {
                byMaster.put(r.path("fields").path("masterRef").path("value").path("recordName").asText(), r);
            }
        }
        List<Asset> assets = new ArrayList<>();
        for (JsonNode r : records) {
            if (r.path("recordType").asText().equals("CPLMaster")) {
                assets.add(AssetParser.parse(r, byMaster.get(r.path("recordName").asText()), "PrimarySync"));
            }
        }
        return assets;
    }
}
