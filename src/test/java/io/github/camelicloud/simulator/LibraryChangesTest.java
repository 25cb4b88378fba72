package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.PhotosClient.Pair;
import io.github.camelicloud.simulator.SimClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** records/modify (§7) and the library test hooks: what changes, what the listings show next. */
class LibraryChangesTest {

    @Test
    void recordsModifyMovesAnAssetToRecentlyDeletedAndReranksAtOnce() {
        PhotosClient photos = TestLibrary.photos(TestLibrary.MUTATOR);
        List<Pair> before = firstPage(photos, PhotosClient.ALL_PHOTOS);
        Pair first = before.get(0);
        long countBefore = count(photos, "CPLAssetByAssetDateWithoutHiddenOrDeleted");
        String tag = first.asset().get("recordChangeTag").asText();

        JsonNode answer = photos.ok("private", "records/modify", modify(first, tag, 1, true));
        JsonNode echoed = answer.at("/records/0");
        assertThat(echoed.get("recordName").asText()).isEqualTo(first.asset().get("recordName").asText());
        assertThat(echoed.get("recordType").asText()).isEqualTo("CPLAsset");
        assertThat(PhotoLibraryTest.fieldNames(echoed.get("fields"))).containsExactly("isDeleted");
        assertThat(echoed.at("/fields/isDeleted/value").asInt()).isEqualTo(1);
        assertThat(echoed.at("/fields/isDeleted/type").asText()).isEqualTo("INT64");
        String newTag = echoed.get("recordChangeTag").asText();
        assertThat(newTag).isNotEqualTo(tag);

        List<Pair> after = firstPage(photos, PhotosClient.ALL_PHOTOS);
        assertThat(after.get(0).id()).isEqualTo(before.get(1).id());
        assertThat(PhotosClient.ids(after)).doesNotContain(first.id());
        assertThat(count(photos, "CPLAssetByAssetDateWithoutHiddenOrDeleted")).isEqualTo(countBefore - 1);
        Pair trashed = firstPage(photos, PhotosClient.DELETED).get(0);
        assertThat(trashed.id()).isEqualTo(first.id());
        assertThat(trashed.asset().at("/fields/isDeleted/value").asInt()).isEqualTo(1);
        assertThat(trashed.asset().at("/fields/dateExpunged/value").asLong()).isCloseTo(
                TestLibrary.simulator().clock().instant().plus(Duration.ofDays(30)).toEpochMilli(), within(5000L));

        JsonNode stale = photos.ok("private", "records/modify", modify(first, tag, 1, true)).at("/records/0");
        assertThat(stale.get("serverErrorCode").asText()).isEqualTo("CONFLICT");
        assertThat(stale.get("recordName").asText()).isEqualTo(first.asset().get("recordName").asText());

        JsonNode restored = photos.ok("private", "records/modify", modify(first, newTag, 0, false)).at("/records/0");
        assertThat(restored.at("/fields/isDeleted/value").asInt()).isEqualTo(0);
        assertThat(restored.at("/fields/masterRef/value/recordName").asText()).isEqualTo(first.id());
        assertThat(firstPage(photos, PhotosClient.ALL_PHOTOS).get(0).id()).isEqualTo(first.id());
        assertThat(count(photos, "CPLAssetByAssetDateWithoutHiddenOrDeleted")).isEqualTo(countBefore);
    }

    @Test
    void recordsModifyRefusesPerRecordAndAtomicallyAllOrNothing() {
        PhotosClient photos = TestLibrary.photos(TestLibrary.MUTATOR);
        List<Pair> page = firstPage(photos, PhotosClient.ALL_PHOTOS);
        Pair a = page.get(3);
        ObjectNode body = modify(a, a.asset().get("recordChangeTag").asText(), 1, true);
        ObjectNode unknown = ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("operations")).addObject();
        unknown.put("operationType", "update");
        unknown.putObject("record").put("recordName", "NOT-THERE").put("recordType", "CPLAsset")
                .put("recordChangeTag", "x").putObject("fields").putObject("isDeleted").put("value", 1);
        JsonNode answer = photos.ok("private", "records/modify", body);
        assertThat(answer.at("/records/0/serverErrorCode").asText()).isEqualTo("ATOMIC_ERROR");
        assertThat(answer.at("/records/1/serverErrorCode").asText()).isEqualTo("UNKNOWN_ITEM");
        assertThat(PhotosClient.ids(firstPage(photos, PhotosClient.ALL_PHOTOS))).contains(a.id());

        body.put("atomic", false);
        JsonNode partial = photos.ok("private", "records/modify", body);
        assertThat(partial.at("/records/0/fields/isDeleted/value").asInt()).isEqualTo(1);
        assertThat(partial.at("/records/1/serverErrorCode").asText()).isEqualTo("UNKNOWN_ITEM");

        ObjectNode master = modify(page.get(4), "x", 1, true);
        ((ObjectNode) master.at("/operations/0/record")).put("recordType", "CPLMaster");
        assertThat(photos.ok("private", "records/modify", master).at("/records/0/serverErrorCode").asText())
                .isEqualTo("BAD_REQUEST");
        ObjectNode favourite = modify(page.get(5), page.get(5).asset().get("recordChangeTag").asText(), 1, false);
        ObjectNode fields = (ObjectNode) favourite.at("/operations/0/record/fields");
        fields.removeAll();
        fields.putObject("isFavorite").put("value", 1);
        assertThat(photos.ok("private", "records/modify", favourite).at("/records/0/fields/isFavorite/value").asInt())
                .isEqualTo(1);
        assertThat(PhotosClient.ids(photos.listAll("private", PhotosClient.SMART, PhotosClient.PRIMARY, 200,
                "smartAlbum", "FAVORITE"))).contains(page.get(5).id());
        ObjectNode elsewhere = modify(page.get(6), "x", 1, true);
        elsewhere.putObject("zoneID").put("zoneName", "NoSuchZone");
        assertThat(photos.call("private", "records/modify", elsewhere).json().get("serverErrorCode").asText())
                .isEqualTo("ZONE_NOT_FOUND");
    }

    @Test
    void hooksAddHostileNamesEditDeleteAndExpunge() {
        PhotosClient photos = TestLibrary.photos(TestLibrary.HOOKS);
        SimClient hooks = new SimClient(TestLibrary.simulator().baseUrl());
        String account = "?account=" + TestLibrary.HOOKS;
        List<String> names = List.of("../../evil.jpg", "a/b.jpg", "tab\there\nnew line\u0001\u001f.jpg",
                "Jo\u0308rg – 東京 😀.JPG", "C:\\windows\\system32.jpg");
        for (String name : names) {
            ObjectNode body = SimClient.JSON.createObjectNode().put("fileName", name).put("size", 12_345)
                    .put("assetDate", "2031-01-02T03:04:05Z").put("album", "Hostile names");
            Reply added = hooks.send("POST", "/_simulator/assets" + account, body.toString());
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            assertThat(added.json().get("fileName").asText()).isEqualTo(name);
            assertThat(added.json().at("/versions/resOriginal/size").asLong()).isEqualTo(12_345);
        }
        List<Pair> newest = firstPage(photos, PhotosClient.ALL_PHOTOS).subList(0, names.size());
        assertThat(newest).extracting(Pair::fileName).containsExactlyInAnyOrderElementsOf(names);
        LibraryManifest manifest = TestLibrary.simulator().manifest(TestLibrary.HOOKS);
        Pair evil = newest.stream().filter(p -> p.fileName().equals("../../evil.jpg")).findFirst().orElseThrow();
        assertThat(evil.master().at("/fields/filenameEnc/type").asText()).isEqualTo("ENCRYPTED_BYTES");
        PhotosClient.Download original = PhotosClient.download(evil.field("resOriginalRes").at("/value/downloadURL")
                .asText(), null);
        assertThat(original.length()).isEqualTo(12_345);
        assertThat(original.sha256()).isEqualTo(manifest.asset(evil.id()).versions().get("resOriginal").sha256());
        LibraryManifest.Album album = manifest.albums().stream().filter(a -> a.name().equals("Hostile names"))
                .findFirst().orElseThrow();
        assertThat(album.assetIds()).hasSize(names.size()).contains(evil.id());

        String assetName = evil.asset().get("recordName").asText();
        Reply edited = hooks.send("POST", "/_simulator/assets/" + assetName + "/edit" + account, null);
        assertThat(edited.status()).isEqualTo(200);
        String firstEdit = edited.json().at("/versions/resJPEGFull/fileChecksum").asText();
        Pair afterEdit = find(photos, evil.id()).orElseThrow();
        assertThat(afterEdit.asset().at("/fields/adjustmentType/value").asText()).isEqualTo("com.apple.photo");
        assertThat(afterEdit.asset().at("/fields/resJPEGFullRes/value/fileChecksum").asText()).isEqualTo(firstEdit);
        assertThat(afterEdit.asset().get("recordChangeTag").asText())
                .isNotEqualTo(evil.asset().get("recordChangeTag").asText());
        String secondEdit = hooks.send("POST", "/_simulator/assets/" + assetName + "/edit" + account, null).json()
                .at("/versions/resJPEGFull/fileChecksum").asText();
        assertThat(secondEdit).isNotEqualTo(firstEdit);
        PhotosClient.Download full = PhotosClient.download(find(photos, evil.id()).orElseThrow()
                .field("resJPEGFullRes").at("/value/downloadURL").asText(), null);
        assertThat(full.sha256()).isEqualTo(TestLibrary.simulator().manifest(TestLibrary.HOOKS).asset(evil.id())
                .versions().get("resJPEGFull").sha256());

        // A master recordName may hold '/' and '+': percent-encoded, it still names the asset.
        String masterPath = URLEncoder.encode(evil.id(), StandardCharsets.UTF_8);
        Reply deleted = hooks.send("DELETE", "/_simulator/assets/" + masterPath + account, null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(firstPage(photos, PhotosClient.DELETED).get(0).id()).isEqualTo(evil.id());
        assertThat(PhotosClient.ids(firstPage(photos, PhotosClient.ALL_PHOTOS))).doesNotContain(evil.id());

        assertThat(hooks.send("POST", "/_simulator/assets/" + assetName + "/expunge" + account, null).status())
                .isEqualTo(200);
        assertThat(find(photos, evil.id())).isEmpty();
        assertThat(PhotosClient.download(evil.field("resOriginalRes").at("/value/downloadURL").asText(), null)
                .status()).isEqualTo(404);
        assertThat(TestLibrary.simulator().manifest(TestLibrary.HOOKS).assets())
                .noneMatch(a -> a.id().equals(evil.id()));

        assertThat(hooks.send("POST", "/_simulator/assets/" + assetName + "/edit" + account, null).status())
                .isEqualTo(404);
        assertThat(hooks.send("POST", "/_simulator/assets?account=nobody@example.com", "{\"fileName\":\"x.jpg\"}")
                .status()).isEqualTo(404);
        assertThat(hooks.send("POST", "/_simulator/assets" + account, "{\"size\":1}").status()).isEqualTo(400);
        assertThat(hooks.send("GET", "/_simulator/manifest" + account, null).json().get("account").asText())
                .isEqualTo(TestLibrary.HOOKS);
    }

    @Test
    void sharedAlbumHooksMakeASubscribedAlbumAndAddItemsOfTheirOwnBytes() {
        SimClient hooks = new SimClient(TestLibrary.simulator().baseUrl());
        String account = "?account=" + TestLibrary.HOOKS;
        assertThat(hooks.send("POST", "/_simulator/shared-albums" + account,
                "{\"name\":\"Hooked\",\"owned\":false,\"owner\":\"Kim Doe\"}").status()).isEqualTo(200);
        for (String contributor : List.of("Anna", "Ben")) {
            Reply added = hooks.send("POST", "/_simulator/shared-albums/add" + account, SimClient.JSON
                    .createObjectNode().put("album", "Hooked").put("contributor", contributor).put("fileName", "CLIP.MOV")
                    .put("size", 20_000).put("assetDate", "2024-07-01T10:00:00Z")
                    .put("addedDate", "2024-07-02T10:00:00Z").toString());
            assertThat(added.status()).as(added.body()).isEqualTo(200);
            assertThat(added.json().get("itemType").asText()).isEqualTo("com.apple.quicktime-movie");
        }
        List<LibraryManifest.SharedItem> hooked = TestLibrary.simulator().sharedAlbums(TestLibrary.HOOKS).stream()
                .filter(i -> i.album().equals("Hooked")).toList();
        assertThat(hooked).extracting(LibraryManifest.SharedItem::contributor).containsExactly("Anna", "Ben");
        assertThat(hooked).extracting(i -> i.asset().addedDate()).containsOnly(Instant.parse("2024-07-02T10:00:00Z"));
        assertThat(hooked.get(0).asset().versions().get("resOriginal").sha256())
                .isNotEqualTo(hooked.get(1).asset().versions().get("resOriginal").sha256());
        assertThat(hooks.send("POST", "/_simulator/shared-albums/add" + account,
                "{\"album\":\"Nope\",\"contributor\":\"Anna\",\"fileName\":\"x.jpg\"}").status()).isEqualTo(404);
        assertThat(hooks.send("POST", "/_simulator/shared-albums/add" + account,
                "{\"album\":\"Hooked\",\"fileName\":\"x.jpg\"}").status()).isEqualTo(400);
        assertThat(hooks.send("POST", "/_simulator/shared-albums/add" + account, "{\"album\":\"Hooked\","
                + "\"contributor\":\"Anna\",\"fileName\":\"x.jpg\",\"addedDate\":\"yesterday\"}").status())
                .isEqualTo(400);
    }

    @Test
    void theJavaApiMatchesTheHooks() {
        ICloudSimulator simulator = TestLibrary.simulator();
        LibraryManifest.Asset added = simulator.addAsset(TestLibrary.HOOKS, new NewAsset("clip.mov", null, 80_000,
                Instant.parse("2019-05-05T05:05:05Z"), null));
        assertThat(added.itemType()).isEqualTo("com.apple.quicktime-movie");
        assertThat(added.smartAlbums()).containsExactly("VIDEO");
        assertThat(simulator.editAsset(TestLibrary.HOOKS, added.id()).versions()).containsKey("resVidFull");
        assertThat(simulator.deleteAsset(TestLibrary.HOOKS, added.assetRecordName()).deleted()).isTrue();
        simulator.expungeAsset(TestLibrary.HOOKS, added.id());
        assertThat(simulator.manifest(TestLibrary.HOOKS).assets()).noneMatch(a -> a.id().equals(added.id()));
        assertThat(simulator.manifestJson(TestLibrary.HOOKS)).contains("\"account\" : \"" + TestLibrary.HOOKS + "\"");
    }

    private static org.assertj.core.data.Offset<Long> within(long millis) {
        return org.assertj.core.data.Offset.offset(millis);
    }

    private static List<Pair> firstPage(PhotosClient photos, String recordType) {
        return PhotosClient.pairs(photos.ok("private", "records/query",
                PhotosClient.listQuery(recordType, PhotosClient.PRIMARY, 0, "ASCENDING", 200)));
    }

    private static Optional<Pair> find(PhotosClient photos, String id) {
        for (String type : List.of(PhotosClient.ALL_PHOTOS, PhotosClient.DELETED, PhotosClient.HIDDEN)) {
            Optional<Pair> found = photos.listAll("private", type, PhotosClient.PRIMARY, 200).stream()
                    .filter(p -> p.id().equals(id)).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static long count(PhotosClient photos, String objType) {
        return photos.ok("private", "internal/records/query/batch", PhotoLibraryTest.countBody(objType))
                .at("/batch/0/records/0/fields/itemCount/value").asLong();
    }

    /** icloudpd's delete body (§7), with desiredKeys only when asked. */
    private static ObjectNode modify(Pair pair, String tag, int isDeleted, boolean onlyIsDeleted) {
        ObjectNode body = SimClient.JSON.createObjectNode();
        body.put("atomic", true);
        if (onlyIsDeleted) {
            body.putArray("desiredKeys").add("isDeleted");
        }
        body.putObject("zoneID").put("zoneName", PhotosClient.PRIMARY);
        ObjectNode record = body.putArray("operations").addObject().put("operationType", "update")
                .putObject("record");
        record.put("recordName", pair.asset().get("recordName").asText()).put("recordType", "CPLAsset")
                .put("recordChangeTag", tag);
        record.putObject("fields").putObject("isDeleted").put("value", isDeleted);
        return body;
    }
}
