package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.PhotosClient.Pair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing the generated library over CloudKit, compared with the manifest: order, paging, collections, counts. */
class PhotoLibraryTest {

    private static final String PASSWORD = TestLibrary.PASSWORD;
    private static final String READER = TestLibrary.READER;

    private static PhotosClient photos;
    private static LibraryManifest manifest;

    @BeforeAll
    static void start() {
        photos = TestLibrary.photos(READER);
        manifest = TestLibrary.manifest(READER);
    }

    @Test
    void theLibraryHasEveryKindOfItem() {
        List<LibraryManifest.Asset> primary = primary();
        assertThat(primary).hasSize(40);
        assertThat(primary).extracting(LibraryManifest.Asset::itemType).contains("public.jpeg", "public.heic",
                "public.png", "com.apple.quicktime-movie", "com.canon.cr2-raw-image", "com.adobe.raw-image");
        Set<String> tags = primary.stream().flatMap(a -> a.smartAlbums().stream()).collect(Collectors.toSet());
        assertThat(tags).contains("VIDEO", "LIVE", "SCREENSHOT", "FAVORITE", "PANORAMA", "SLOMO", "TIMELAPSE", "BURST",
                "DEPTH", "EXPOSURE");
        assertThat(primary).anyMatch(LibraryManifest.Asset::hidden).anyMatch(LibraryManifest.Asset::deleted)
                .anyMatch(a -> a.fileName() == null).anyMatch(a -> a.fileName() != null
                        && !a.fileName().chars().allMatch(c -> c < 128));
        Set<String> prefixes = primary.stream().flatMap(a -> a.versions().keySet().stream())
                .collect(Collectors.toSet());
        assertThat(prefixes).contains("resOriginal", "resJPEGMed", "resJPEGThumb", "resJPEGFull", "resOriginalAlt",
                "resOriginalVidCompl", "resVidMed", "resVidSmall");
        assertThat(manifest.libraries()).hasSize(2);
        assertThat(manifest.libraries().get(0)).isEqualTo(new LibraryManifest.Library("PrimarySync", "private"));
        assertThat(manifest.libraries().get(1).zone()).matches("SharedSync-[0-9A-F-]{36}");
        assertThat(manifest.libraries().get(1).scope()).isEqualTo("shared");
    }

    @Test
    void pagingTheWholeLibraryReturnsEveryVisibleAssetOnceNewestFirst() {
        List<LibraryManifest.Asset> visible = primary().stream().filter(a -> !a.hidden() && !a.deleted()).toList();
        List<String> byAssetDate = visible.stream().sorted(Comparator.comparing(LibraryManifest.Asset::assetDate)
                .reversed().thenComparing(LibraryManifest.Asset::id)).map(LibraryManifest.Asset::id).toList();
        List<Pair> listed = photos.listAll("private", PhotosClient.ALL_PHOTOS, PhotosClient.PRIMARY, 14);
        assertThat(PhotosClient.ids(listed)).containsExactlyElementsOf(byAssetDate);
        List<Long> dates = listed.stream().map(p -> p.asset().at("/fields/assetDate/value").asLong()).toList();
        assertThat(dates).isSortedAccordingTo(Comparator.reverseOrder());

        List<String> byAddedDate = visible.stream().sorted(Comparator.comparing(LibraryManifest.Asset::addedDate)
                .reversed().thenComparing(LibraryManifest.Asset::id)).map(LibraryManifest.Asset::id).toList();
        assertThat(PhotosClient.ids(photos.listAll("private", PhotosClient.BY_ADDED, PhotosClient.PRIMARY, 200)))
                .containsExactlyElementsOf(byAddedDate);

        JsonNode firstPage = photos.ok("private", "records/query",
                PhotosClient.listQuery(PhotosClient.ALL_PHOTOS, PhotosClient.PRIMARY, 0, "ASCENDING", 14));
        assertThat(firstPage.has("continuationMarker")).isTrue();
        ObjectNode resume = PhotosClient.listQuery(PhotosClient.ALL_PHOTOS, PhotosClient.PRIMARY, 0, "ASCENDING", 14);
        resume.put("continuationMarker", firstPage.get("continuationMarker").asText());
        assertThat(PhotosClient.ids(PhotosClient.pairs(photos.ok("private", "records/query", resume))))
                .containsExactlyElementsOf(byAssetDate.subList(7, 14));

        JsonNode descending = photos.ok("private", "records/query", PhotosClient.listQuery(PhotosClient.ALL_PHOTOS,
                PhotosClient.PRIMARY, byAssetDate.size() - 1, "DESCENDING", 6));
        assertThat(PhotosClient.ids(PhotosClient.pairs(descending))).containsExactly(
                byAssetDate.get(byAssetDate.size() - 1), byAssetDate.get(byAssetDate.size() - 2),
                byAssetDate.get(byAssetDate.size() - 3));
    }

    @Test
    void eachSmartFolderListsExactlyItsMembers() {
        for (String tag : List.of("VIDEO", "LIVE", "SCREENSHOT", "FAVORITE", "PANORAMA", "SLOMO", "TIMELAPSE", "DEPTH",
                "EXPOSURE", "ANIMATED")) {
            List<String> expected = newestFirst(primary().stream().filter(a -> a.smartAlbums().contains(tag)));
            assertThat(PhotosClient.ids(photos.listAll("private", PhotosClient.SMART, PhotosClient.PRIMARY, 200,
                    "smartAlbum", tag))).as(tag).containsExactlyElementsOf(expected);
        }
        assertThat(PhotosClient.ids(photos.listAll("private", PhotosClient.BURSTS, PhotosClient.PRIMARY, 200)))
                .containsExactlyElementsOf(newestFirst(primary().stream().filter(a -> a.smartAlbums()
                        .contains("BURST"))));
        assertThat(PhotosClient.ids(photos.listAll("private", PhotosClient.HIDDEN, PhotosClient.PRIMARY, 200)))
                .containsExactlyElementsOf(newestFirst(primary().stream().filter(a -> a.hidden() && !a.deleted())));
        List<Pair> deleted = photos.listAll("private", PhotosClient.DELETED, PhotosClient.PRIMARY, 200);
        assertThat(PhotosClient.ids(deleted)).containsExactlyInAnyOrderElementsOf(
                primary().stream().filter(LibraryManifest.Asset::deleted).map(LibraryManifest.Asset::id).toList());
        assertThat(deleted).allSatisfy(p -> {
            assertThat(p.asset().at("/fields/isDeleted/value").asInt()).isEqualTo(1);
            assertThat(p.master().at("/fields/isDeleted/value").asInt()).isEqualTo(1);
            assertThat(p.asset().has("expirationTime")).isTrue();
        });
        assertThat(deleted.stream().map(p -> p.asset().at("/fields/dateExpunged/value").asLong()).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(photos.call("private", "records/query", PhotosClient.listQuery(PhotosClient.SMART,
                PhotosClient.PRIMARY, 0, "ASCENDING", 200, "smartAlbum", "NOPE")).status()).isEqualTo(400);
    }

    @Test
    void albumsAndFoldersAreListedWithTheirMembers() {
        ObjectNode query = SimClient.JSON.createObjectNode();
        query.putObject("query").put("recordType", "CPLAlbumByPositionLive");
        query.putObject("zoneID").put("zoneName", PhotosClient.PRIMARY);
        JsonNode albums = photos.ok("private", "records/query", query);
        assertThat(albums.has("continuationMarker")).isFalse();
        JsonNode root = albums.at("/records/0");
        assertThat(root.get("recordName").asText()).isEqualTo("----Root-Folder----");
        assertThat(root.at("/fields/albumType/value").asInt()).isEqualTo(3);
        assertThat(root.at("/fields").has("albumNameEnc")).isFalse();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        albums.get("records").forEach(r -> byId.put(r.get("recordName").asText(), r));
        assertThat(byId).hasSize(manifest.albums().size() + 1);
        for (LibraryManifest.Album album : manifest.albums()) {
            JsonNode record = byId.get(album.id());
            assertThat(record.get("recordType").asText()).isEqualTo("CPLAlbum");
            assertThat(new String(Base64.getDecoder().decode(record.at("/fields/albumNameEnc/value").asText()),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(album.name());
            assertThat(record.at("/fields/albumType/value").asInt()).isEqualTo(album.type().equals("folder") ? 3 : 0);
            if (album.folder() != null) {
                String parent = record.at("/fields/parentId/value").asText();
                assertThat(record.at("/fields/parentId/type").asText()).isEqualTo("STRING");
                assertThat(new String(Base64.getDecoder().decode(byId.get(parent).at("/fields/albumNameEnc/value")
                        .asText()), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(album.folder());
            } else {
                assertThat(record.at("/fields").has("parentId")).isFalse();
            }
            assertThat(PhotosClient.ids(photos.listAll("private", PhotosClient.ALBUM, PhotosClient.PRIMARY, 200,
                    "parentId", album.id()))).as(album.name()).containsExactlyElementsOf(album.assetIds());
        }
        assertThat(manifest.albums()).extracting(LibraryManifest.Album::name).contains("Jo\u0308rg", "東京 2023")
                .doesNotContain("Jörg");
        assertThat(manifest.albums()).anyMatch(a -> a.folder() != null)
                .anyMatch(a -> a.type().equals("folder")).anyMatch(a -> !a.assetIds().isEmpty());
    }

    @Test
    void theFolderTreeIsWalkedWithParentIdFilters() {
        // iCloud.com (and icloud-photos-sync) list a folder's children with a parentId filter; the root's children
        // are the top-level albums and folders. Walking the tree that way reaches every album exactly once.
        Map<String, String> names = new LinkedHashMap<>();
        java.util.Deque<String> folders = new java.util.ArrayDeque<>(List.of("----Root-Folder----"));
        while (!folders.isEmpty()) {
            String folder = folders.pop();
            ObjectNode query = SimClient.JSON.createObjectNode();
            ObjectNode filter = query.putObject("query").put("recordType", "CPLAlbumByPositionLive")
                    .putArray("filterBy").addObject().put("fieldName", "parentId").put("comparator", "EQUALS");
            filter.putObject("fieldValue").put("value", folder).put("type", "STRING");
            query.putObject("zoneID").put("zoneName", PhotosClient.PRIMARY);
            for (JsonNode record : photos.ok("private", "records/query", query).get("records")) {
                String id = record.get("recordName").asText();
                assertThat(names.put(id, folder)).as("listed once: " + id).isNull();
                if (record.at("/fields/albumType/value").asInt() == 3) {
                    folders.push(id);
                }
            }
        }
        assertThat(names.keySet()).containsExactlyInAnyOrderElementsOf(
                manifest.albums().stream().map(LibraryManifest.Album::id).toList());
        LibraryManifest.Album album = manifest.albums().stream().filter(a -> !a.assetIds().isEmpty()).findFirst()
                .orElseThrow();
        assertThat(PhotosClient.ids(photos.listAll("private", "CPLContainerRelationLiveByPosition",
                PhotosClient.PRIMARY, 198, "parentId", album.id()))).containsExactlyElementsOf(album.assetIds());
    }

    @Test
    void theSharedLibraryIsServedFromTheSharedDatabase() {
        JsonNode zones = photos.ok("shared", "zones/list", SimClient.JSON.createObjectNode());
        String shared = manifest.libraries().get(1).zone();
        assertThat(zones.at("/zones/0/zoneID/zoneName").asText()).isEqualTo(shared);
        assertThat(zones.at("/zones/0/zoneID/zoneType").asText()).isEqualTo("REGULAR_CUSTOM_ZONE");
        assertThat(zones.at("/zones/0/syncToken").asText()).isNotEmpty();
        List<Pair> listed = photos.listAll("shared", PhotosClient.ALL_PHOTOS, shared, 200);
        assertThat(PhotosClient.ids(listed)).containsExactlyElementsOf(newestFirst(manifest.assets().stream()
                .filter(a -> a.zone().equals(shared))));
        assertThat(listed).allSatisfy(p -> {
            assertThat(p.master().at("/zoneID/zoneName").asText()).isEqualTo(shared);
            assertThat(p.asset().at("/fields/contributors/type").asText()).isEqualTo("REFERENCE_LIST");
            assertThat(p.field("resOriginalRes").at("/value/downloadURL").asText()).contains("&ckz=" + shared + "&");
        });
        assertThat(PhotosClient.ids(photos.listAll("shared", PhotosClient.SMART, shared, 200, "smartAlbum",
                "FAVORITE"))).hasSize(1);
        assertThat(photos.call("private", "records/query", PhotosClient.listQuery(PhotosClient.ALL_PHOTOS, shared, 0,
                "ASCENDING", 200)).json().get("serverErrorCode").asText()).isEqualTo("ZONE_NOT_FOUND");
    }

    @Test
    void countsMatchTheListings() {
        Map<String, Long> expected = new LinkedHashMap<>();
        List<LibraryManifest.Asset> primary = primary();
        long visible = primary.stream().filter(a -> !a.hidden() && !a.deleted()).count();
        expected.put("CPLAssetByAssetDateWithoutHiddenOrDeleted", visible);
        expected.put("CPLAssetByAddedDate", visible);
        expected.put("CPLAssetInSmartAlbumByAssetDate:Video", count(primary, "VIDEO"));
        expected.put("CPLAssetInSmartAlbumByAssetDate:Live", count(primary, "LIVE"));
        expected.put("CPLAssetInSmartAlbumByAssetDate:Favorite", count(primary, "FAVORITE"));
        expected.put("CPLAssetBurstStackAssetByAssetDate", count(primary, "BURST"));
        expected.put("CPLAssetDeletedByExpungedDate", primary.stream().filter(LibraryManifest.Asset::deleted).count());
        expected.put("CPLAssetHiddenByAssetDate", primary.stream().filter(a -> a.hidden() && !a.deleted()).count());
        LibraryManifest.Album album = manifest.albums().get(1);
        expected.put("CPLContainerRelationNotDeletedByAssetDate:" + album.id(), (long) album.assetIds().size());
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            assertThat(count(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        ObjectNode several = countBody("CPLAssetByAddedDate");
        ((com.fasterxml.jackson.databind.node.ArrayNode) several.at("/batch/0/query/filterBy/fieldValue/value"))
                .add("CPLAssetHiddenByAssetDate");
        JsonNode records = photos.ok("private", "internal/records/query/batch", several).at("/batch/0/records");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get("recordName").asText()).isEqualTo("CPLAssetHiddenByAssetDate");
    }

    private long count(String objType) {
        JsonNode answer = photos.ok("private", "internal/records/query/batch", countBody(objType));
        JsonNode record = answer.at("/batch/0/records/0");
        assertThat(record.get("recordName").asText()).isEqualTo(objType);
        assertThat(record.get("recordType").asText()).isEqualTo("IndexCountResult");
        assertThat(answer.at("/batch/0/syncToken").asText()).isNotEmpty();
        return record.at("/fields/itemCount/value").asLong();
    }

    static ObjectNode countBody(String objType) {
        ObjectNode body = SimClient.JSON.createObjectNode();
        ObjectNode entry = body.putArray("batch").addObject();
        entry.put("resultsLimit", 1);
        ObjectNode query = entry.putObject("query");
        ObjectNode filter = query.putObject("filterBy");
        filter.put("fieldName", "indexCountID");
        filter.putObject("fieldValue").put("type", "STRING_LIST").putArray("value").add(objType);
        filter.put("comparator", "IN");
        query.put("recordType", "HyperionIndexCountLookup");
        entry.put("zoneWide", true);
        entry.putObject("zoneID").put("zoneName", PhotosClient.PRIMARY);
        return body;
    }

    @Test
    void desiredKeysLimitTheFieldsButNotTheEnvelope() {
        ObjectNode query = PhotosClient.listQuery(PhotosClient.ALL_PHOTOS, PhotosClient.PRIMARY, 0, "ASCENDING", 4);
        query.putArray("desiredKeys").add("filenameEnc").add("resOriginalRes").add("assetDate").add("masterRef");
        List<Pair> pairs = PhotosClient.pairs(photos.ok("private", "records/query", query));
        assertThat(pairs).isNotEmpty().allSatisfy(p -> {
            assertThat(fieldNames(p.master().get("fields"))).isSubsetOf("filenameEnc", "resOriginalRes")
                    .contains("resOriginalRes");
            assertThat(fieldNames(p.asset().get("fields"))).containsExactlyInAnyOrder("assetDate", "masterRef");
            assertThat(fieldNames(p.master())).contains("recordName", "recordChangeTag", "created", "zoneID");
        });
    }

    @Test
    void aPageHoldsAtMost200RecordsWhateverTheClientAsks() {
        try (ICloudSimulator big = ICloudSimulator.builder().srpIterations(1000).assets(230).albums(205)
                .account(READER + ":" + PASSWORD).build().start()) {
            PhotosClient client = new PhotosClient(big, READER, PASSWORD);
            JsonNode page = client.ok("private", "records/query",
                    PhotosClient.listQuery(PhotosClient.ALL_PHOTOS, PhotosClient.PRIMARY, 0, "ASCENDING", 1000));
            assertThat(page.get("records")).hasSize(200);
            assertThat(page.has("continuationMarker")).isTrue();
            List<Pair> all = client.listAll("private", PhotosClient.ALL_PHOTOS, PhotosClient.PRIMARY, 500);
            assertThat(new HashSet<>(PhotosClient.ids(all))).hasSize(all.size());
            assertThat(all.size()).isGreaterThan(100);

            ObjectNode albums = SimClient.JSON.createObjectNode();
            albums.putObject("query").put("recordType", "CPLAlbumByPositionLive");
            albums.putObject("zoneID").put("zoneName", PhotosClient.PRIMARY);
            JsonNode first = client.ok("private", "records/query", albums);
            assertThat(first.get("records")).hasSize(200);
            albums.put("continuationMarker", first.get("continuationMarker").asText());
            JsonNode second = client.ok("private", "records/query", albums);
            assertThat(second.get("records")).hasSize(6);
            assertThat(second.has("continuationMarker")).isFalse();
        }
    }

    private static List<LibraryManifest.Asset> primary() {
        return manifest.assets().stream().filter(a -> a.zone().equals(PhotosClient.PRIMARY)).toList();
    }

    private static long count(List<LibraryManifest.Asset> assets, String tag) {
        return assets.stream().filter(a -> a.smartAlbums().contains(tag)).count();
    }

    static List<String> newestFirst(java.util.stream.Stream<LibraryManifest.Asset> assets) {
        return assets.sorted(Comparator.comparing(LibraryManifest.Asset::assetDate).reversed()
                .thenComparing(LibraryManifest.Asset::id)).map(LibraryManifest.Asset::id).toList();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
