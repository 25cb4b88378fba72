package io.github.camelicloud.simulator.hooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.http.Json;
import java.util.List;
import java.util.Map;

/** {@link LibraryManifest} as JSON, field by field (dates as ISO-8601 instants, no reflection). */
public final class ManifestJson {

    private ManifestJson() {
    }

    public static ObjectNode write(LibraryManifest manifest) {
        ObjectNode root = Json.object();
        root.put("account", manifest.account());
        ArrayNode libraries = root.putArray("libraries");
        manifest.libraries().forEach(l -> libraries.addObject().put("zone", l.zone()).put("scope", l.scope()));
        ArrayNode albums = root.putArray("albums");
        for (LibraryManifest.Album album : manifest.albums()) {
            ObjectNode node = albums.addObject().put("id", album.id()).put("name", album.name())
                    .put("folder", album.folder()).put("type", album.type());
            strings(node.putArray("assetIds"), album.assetIds());
        }
        ArrayNode assets = root.putArray("assets");
        manifest.assets().forEach(asset -> assets.add(write(asset)));
        return root;
    }

    public static ObjectNode write(LibraryManifest.Asset asset) {
        ObjectNode node = Json.object().put("id", asset.id()).put("assetRecordName", asset.assetRecordName())
                .put("zone", asset.zone()).put("fileName", asset.fileName()).put("itemType", asset.itemType())
                .put("assetDate", asset.assetDate().toString()).put("addedDate", asset.addedDate().toString())
                .put("timeZoneOffset", asset.timeZoneOffset()).put("favorite", asset.favorite())
                .put("hidden", asset.hidden()).put("deleted", asset.deleted());
        strings(node.putArray("smartAlbums"), asset.smartAlbums());
        ObjectNode versions = node.putObject("versions");
        for (Map.Entry<String, LibraryManifest.Version> entry : sorted(asset.versions())) {
            LibraryManifest.Version version = entry.getValue();
            versions.putObject(entry.getKey()).put("size", version.size()).put("sha256", version.sha256())
                    .put("fileType", version.fileType()).put("fileChecksum", version.fileChecksum());
        }
        return node;
    }

    private static List<Map.Entry<String, LibraryManifest.Version>> sorted(Map<String, LibraryManifest.Version> map) {
        return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
