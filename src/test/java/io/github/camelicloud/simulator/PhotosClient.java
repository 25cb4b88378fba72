package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.SimClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Photos side of the simulator tests: a signed-in {@link SimClient} for CloudKit calls, and a separate
 * cookie-less JDK client for downloads (Apple's content host needs no cookie). Independent of our client.
 */
final class PhotosClient {

    static final String PRIMARY = "PrimarySync";
    static final String ALL_PHOTOS = "CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted";
    static final String BY_ADDED = "CPLAssetAndMasterByAddedDate";
    static final String SMART = "CPLAssetAndMasterInSmartAlbumByAssetDate";
    static final String DELETED = "CPLAssetAndMasterDeletedByExpungedDate";
    static final String HIDDEN = "CPLAssetAndMasterHiddenByAssetDate";
    static final String BURSTS = "CPLBurstStackAssetAndMasterByAssetDate";
    static final String ALBUM = "CPLContainerRelationLiveByAssetDate";

    private static final HttpClient DOWNLOADS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final SimClient client;

    /** A downloaded body: status, headers and the SHA-256 and length of the bytes (kept when small). */
    record Download(int status, HttpResponse<?> response, long length, String sha256, byte[] bytes) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** One asset as a listing shows it: the CPLMaster and its CPLAsset. */
    record Pair(JsonNode master, JsonNode asset) {

        String id() {
            return master.get("recordName").asText();
        }

        /** The field from the asset if it has it, else from the master (§6.10). */
        JsonNode field(String name) {
            return asset.path("fields").has(name) ? asset.at("/fields/" + name) : master.at("/fields/" + name);
        }

        String fileName() {
            JsonNode enc = master.at("/fields/filenameEnc");
            if (enc.isMissingNode()) {
                return null;
            }
            return enc.get("type").asText().equals("STRING") ? enc.get("value").asText()
                    : new String(Base64.getDecoder().decode(enc.get("value").asText()), StandardCharsets.UTF_8);
        }
    }

    PhotosClient(ICloudSimulator simulator, String email, String password) {
        client = new SimClient(simulator.baseUrl());
        assertThat(client.signIn(email, password).status()).isEqualTo(409);
        client.accountLogin();
        assertThat(client.idmsa("POST", "/verify/trusteddevice/securitycode",
                "{\"securityCode\":{\"code\":\"" + simulator.mfaCode() + "\"}}").status()).isEqualTo(204);
        assertThat(client.idmsa("GET", "/2sv/trust", null).status()).isEqualTo(204);
        client.accountLogin();
    }

    Reply call(String database, String operation, JsonNode body) {
        return client.cloudKit(database, operation, body.toString());
    }

    JsonNode ok(String database, String operation, JsonNode body) {
        Reply reply = call(database, operation, body);
        assertThat(reply.status()).as("%s %s -> %s", operation, body, reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** A list query as icloudpd builds it; {@code filters} are extra (name, value) STRING filters. */
    static ObjectNode listQuery(String recordType, String zone, long startRank, String direction, int limit,
            String... filters) {
        ObjectNode body = SimClient.JSON.createObjectNode();
        ObjectNode query = body.putObject("query");
        ArrayNode filterBy = query.putArray("filterBy");
        filterBy.addObject().put("fieldName", "startRank").put("comparator", "EQUALS").putObject("fieldValue")
                .put("type", "INT64").put("value", startRank);
        filterBy.addObject().put("fieldName", "direction").put("comparator", "EQUALS").putObject("fieldValue")
                .put("type", "STRING").put("value", direction);
        for (int i = 0; i < filters.length; i += 2) {
            filterBy.addObject().put("fieldName", filters[i]).put("comparator", "EQUALS").putObject("fieldValue")
                    .put("type", "STRING").put("value", filters[i + 1]);
        }
        query.put("recordType", recordType);
        body.put("resultsLimit", limit);
        body.putObject("zoneID").put("zoneName", zone);
        return body;
    }

    /**
     * Every asset of a list, paging ASCENDING from rank 0 the way icloudpd does (startRank += masters seen) until
     * a page without masters; checks on the way that pairs are never split and pages respect the limit.
     */
    List<Pair> listAll(String database, String recordType, String zone, int limit, String... filters) {
        List<Pair> all = new ArrayList<>();
        long rank = 0;
        while (true) {
            JsonNode page = ok(database, "records/query", listQuery(recordType, zone, rank, "ASCENDING", limit,
                    filters));
            List<Pair> pairs = pairs(page);
            assertThat(page.get("records").size()).isLessThanOrEqualTo(Math.min(limit, 200));
            assertThat(page.has("syncToken")).isTrue();
            if (pairs.isEmpty()) {
                assertThat(page.get("records")).isEmpty();
                assertThat(page.has("continuationMarker")).isFalse();
                return all;
            }
            all.addAll(pairs);
            rank += pairs.size();
        }
    }

    /** Masters first, then as many assets, each master's asset on the same page. */
    static List<Pair> pairs(JsonNode page) {
        List<JsonNode> records = new ArrayList<>();
        page.get("records").forEach(records::add);
        int masters = (int) records.stream().filter(r -> r.get("recordType").asText().equals("CPLMaster")).count();
        assertThat(records).hasSize(2 * masters);
        Map<String, JsonNode> assets = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("recordType").asText()).isEqualTo(i < masters ? "CPLMaster" : "CPLAsset");
            if (i >= masters) {
                assets.put(records.get(i).at("/fields/masterRef/value/recordName").asText(), records.get(i));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode master : records.subList(0, masters)) {
            JsonNode asset = assets.get(master.get("recordName").asText());
            assertThat(asset).as("asset of master %s on the same page", master.get("recordName")).isNotNull();
            pairs.add(new Pair(master, asset));
        }
        return pairs;
    }

    static List<String> ids(List<Pair> pairs) {
        return pairs.stream().map(Pair::id).toList();
    }

    /** GET a downloadURL as icloudpd does ({@code ${f}} percent-encoded), without cookies. */
    static Download download(String url, String range) {
        return download(url, range, 4 << 20);
    }

    /** Bodies up to {@code keep} bytes are kept; longer ones are only hashed while streaming. */
    static Download download(String url, String range, int keep) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("${f}", "$%7Bf%7D")))
                .timeout(Duration.ofSeconds(60)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        try {
            HttpResponse<InputStream> response = DOWNLOADS.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            long length = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0;) {
                    digest.update(buffer, 0, n);
                    if (length + n <= keep) {
                        kept.write(buffer, 0, n);
                    }
                    length += n;
                }
            }
            return new Download(response.statusCode(), response, length, HexFormat.of().formatHex(digest.digest()),
                    length <= keep ? kept.toByteArray() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
