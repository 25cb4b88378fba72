package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One photo library (CloudKit zone): {@code PrimarySync}, or a Shared Library {@code SharedSync-…}.
 * Lists its albums and assets, and moves assets to Recently Deleted.
 */
public final class PhotoLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoLibrary.class);
    public static final String ALL_PHOTOS = "All Photos";
    static final String WHOLE_LIBRARY_LIST = "CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted";
    static final String WHOLE_LIBRARY_COUNT = "CPLAssetByAssetDateWithoutHiddenOrDeleted";

    private final CloudKitDatabase database;
    private final JsonNode zoneId;
    private final boolean shared;

    PhotoLibrary(CloudKitDatabase database, JsonNode zoneId, boolean shared) {
        this.database = database;
        this.zoneId = zoneId.deepCopy();
        this.shared = shared;
    }

    public String name() {
        return zoneId.path("zoneName").asText();
    }

    public boolean shared() {
        return shared;
    }

    CloudKitDatabase database() {
        return database;
    }

    /** The zoneID object as Apple sent it (a copy): what {@link PhotosService#library(JsonNode, boolean)} restores from. */
    public JsonNode zoneId() {
        return zoneId.deepCopy();
    }

    /**
     * Everything that changed since {@code syncToken} (a token from a listing of this library or from an
     * earlier call), read from the {@code changes/zone} feed to its end.
     *
     * @throws io.github.camelicloud.client.SyncTokenRejectedException when the feed cannot be used from this
     *         token: list the library in full instead
     */
    public LibraryChanges changesSince(String syncToken) {
        if (syncToken == null || syncToken.isEmpty()) { // "" means "caught up" to Apple, never "no token"
            throw new IllegalArgumentException("a sync token is required");
        }
        return new ZoneChangeFeed(this).since(syncToken);
    }

    /** Every photo and video except hidden and recently deleted ones. */
    public PhotoAlbum all() {
        return new PhotoAlbum(this, ALL_PHOTOS, AlbumKind.LIBRARY, WHOLE_LIBRARY_LIST, WHOLE_LIBRARY_COUNT, List.of(),
                Optional.empty());
    }

    /**
     * Recently Deleted, without listing the other albums (what {@code --auto-delete} reads after each
     * pass).
     */
    public PhotoAlbum recentlyDeleted() {
        SmartFolder f = SmartFolder.RECENTLY_DELETED;
        return new PhotoAlbum(this, f.displayName, AlbumKind.SMART, f.listType, f.objType, f.filters(),
                Optional.empty());
    }

    /**
     * The smart folders, then (for the owner's library) the user albums, by name. Folders are not albums
     * but their albums are listed, with {@link PhotoAlbum#folder()} set. A later album with the name of
     * an earlier one hides it, as in icloudpd.
     */
    public Map<String, PhotoAlbum> albums() {
        Map<String, PhotoAlbum> albums = new LinkedHashMap<>();
        for (SmartFolder f : SmartFolder.values()) {
            albums.put(f.displayName, new PhotoAlbum(this, f.displayName, AlbumKind.SMART, f.listType, f.objType,
                    f.filters(), Optional.empty()));
        }
        if (!shared) {
            for (PhotoAlbum album : userAlbums()) {
                albums.put(album.name(), album);
            }
        }
        return albums;
    }

    /** An album by name ({@code All Photos} included); unknown names list the ones that exist. */
    public PhotoAlbum album(String name) {
        if (name.equals(ALL_PHOTOS)) {
            return all();
        }
        Map<String, PhotoAlbum> albums = albums();
        PhotoAlbum album = albums.get(name);
        if (album == null) {
            throw new ICloudException("Unknown album: " + name + ". Albums of library " + name() + ": "
                    + String.join(", ", albums.keySet()) + ". Use --list-albums to see them.");
        }
        return album;
    }

    /**
     * The user albums (none in a Shared Library), in Apple's order, each with the chain of folders it is in
     * ({@link PhotoAlbum#path()}); folders themselves are not albums.
     */
    public List<PhotoAlbum> userAlbums() {
        if (shared) {
            return List.of();
        }
        List<JsonNode> records = new ArrayList<>();
        String marker = null;
        do {
            JsonNode answer = database.post("records/query", PhotoQueries.albums(zoneId, marker));
            answer.path("records").forEach(records::add);
            marker = answer.path("continuationMarker").isTextual() ? answer.path("continuationMarker").asText() : null;
        } while (marker != null);

        Map<String, JsonNode> folders = new HashMap<>();
        for (JsonNode r : records) {
            if (r.path("fields").path("albumType").path("value").asInt(0) == 3
                    && !AssetParser.flag(r.path("fields").path("isDeleted"))) {
                folders.put(r.path("recordName").asText(), r);
            }
        }
        List<PhotoAlbum> albums = new ArrayList<>();
        for (JsonNode r : records) {
            String id = r.path("recordName").asText();
            JsonNode fields = r.path("fields");
            if (id.equals("----Root-Folder----") || id.equals("----Project-Root-Folder----")
                    || AssetParser.flag(fields.path("isDeleted"))
                    || fields.path("albumType").path("value").asInt(0) == 3) {
                continue;
            }
            Optional<String> name = albumName(r);
            if (name.isEmpty()) {
                LOG.warn("Skipping album {}: it has no readable name", id);
                continue;
            }
            List<String> path = folderPath(fields.path("parentId").path("value").asText(), folders);
            Optional<String> folder = path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
            path.add(name.get());
            albums.add(new PhotoAlbum(this, name.get(), AlbumKind.USER, "CPLContainerRelationLiveByAssetDate",
                    "CPLContainerRelationNotDeletedByAssetDate:" + id,
                    List.of(PhotoQueries.filter("parentId", "STRING", id)), folder, id, path));
        }
        return albums;
    }

    /** The names of the folders around an album, outermost first; a loop or an unnamed folder ends the chain. */
    private static List<String> folderPath(String parentId, Map<String, JsonNode> folders) {
        List<String> path = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        JsonNode folder = folders.get(parentId);
        while (folder != null && seen.add(folder.path("recordName").asText())) {
            Optional<String> name = albumName(folder);
            if (name.isEmpty()) {
                break;
            }
            path.add(0, name.get());
            folder = folders.get(folder.path("fields").path("parentId").path("value").asText());
        }
        return path;
    }

    private static Optional<String> albumName(JsonNode record) {
        JsonNode enc = record.path("fields").path("albumNameEnc").path("value");
        if (!enc.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(enc.asText()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The asset as iCloud has it now, with freshly signed download URLs: what a long run needs when a URL
     * from an earlier listing has expired (HTTP 410).
     */
    public Asset refresh(Asset asset) {
        JsonNode answer = database.post("records/lookup", PhotoQueries.lookup(asset, zoneId));
        JsonNode master = null;
        JsonNode record = null;
        for (JsonNode r : answer.path("records")) {
            if (r.hasNonNull("serverErrorCode")) {
                throw new ICloudException(asset.fileName().orElse(asset.id()) + " is no longer in iCloud ("
                        + r.path("serverErrorCode").asText() + ")");
            }
            if (r.path("recordType").asText().equals("CPLMaster")) {
                master = r;
            } else if (r.path("recordType").asText().equals("CPLAsset")) {
                record = r;
            }
        }
        if (master == null || record == null) {
            throw new ICloudException("iCloud did not return " + asset.fileName().orElse(asset.id())
                    + " when asked for fresh download URLs");
        }
        return AssetParser.parse(master, record, name());
    }

    /** Moves the asset to Recently Deleted (Apple keeps it there about 30 days). */
    public void moveToRecentlyDeleted(Asset asset) {
        ObjectNode body = PhotoQueries.moveToRecentlyDeleted(asset, zoneId);
        JsonNode answer = database.post("records/modify", body);
        JsonNode error = answer.path("records").path(0).path("serverErrorCode");
        if (error.isTextual()) {
            throw new ICloudException("iCloud did not delete " + asset.fileName().orElse(asset.id()) + ": "
                    + error.asText() + " " + answer.path("records").path(0).path("reason").asText(""));
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
