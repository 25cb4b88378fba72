package io.github.camelicloud.client.photos.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelicloud.testing.Cassette;
import io.github.camelicloud.testing.Cassettes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** CPLMaster/CPLAsset pairs from the recorded {@code records/query} answers of icloudpd's cassettes. */
public final class RecordedAssets {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A master with its asset, as Apple sent them on one page. */
    public record Pair(JsonNode master, JsonNode asset) {
        public String assetName() {
            return asset.path("recordName").asText();
        }

        public AssetMetadata metadata() {
            return AssetMetadataParser.parse(master.path("fields"), asset.path("fields"));
        }
    }

    private RecordedAssets() {
    }

    /** Every pair of a cassette (skips the test when the shared fixtures are absent), in recorded order. */
    public static List<Pair> of(String cassette) {
        return pairs(Cassettes.require(cassette));
    }

    /** The first recorded pair whose CPLAsset has this record name. */
    public static Pair find(String cassette, String assetRecordName) {
        return of(cassette).stream().filter(p -> p.assetName().equals(assetRecordName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(assetRecordName + " not in " + cassette));
    }

    static List<Pair> pairs(Path cassette) {
        List<Pair> pairs = new ArrayList<>();
        for (Cassette.Interaction i : Cassette.load(cassette).interactions()) {
            if (!i.request().uri().contains("/records/query")) {
                continue;
            }
            JsonNode records;
            try {
                records = JSON.readTree(i.response().body().text()).path("records");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, JsonNode> assetsByMaster = new HashMap<>();
            for (JsonNode r : records) {
                if (r.path("recordType").asText().equals("CPLAsset")) {
                    assetsByMaster.put(r.path("fields").path("masterRef").path("value").path("recordName").asText(), r);
                }
            }
            for (JsonNode r : records) {
                JsonNode asset = assetsByMaster.get(r.path("recordName").asText());
                if (r.path("recordType").asText().equals("CPLMaster") && asset != null) {
                    pairs.add(new Pair(r, asset));
                }
            }
        }
        return pairs;
    }
}
