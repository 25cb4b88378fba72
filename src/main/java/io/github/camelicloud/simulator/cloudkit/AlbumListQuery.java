package io.github.camelicloud.simulator.cloudkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.Album;
import io.github.camelicloud.simulator.library.LibraryZone;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code CPLAlbumByPositionLive}: the root folder, then albums and folders by position (with a {@code parentId}
 * filter: that folder's children only), 200 a page with a
 * continuationMarker (rclone follows it; icloudpd reads one page, which holds everything in small libraries).
 * Shared Libraries have no albums.
 */
final class AlbumListQuery implements RecordQuery {

    static final String RECORD_TYPE = "CPLAlbumByPositionLive";

    private final PhotoCatalog catalog;
    private final RecordJson json;

    AlbumListQuery(PhotoCatalog catalog, RecordJson json) {
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public Response answer(CloudKitRequest request, JsonNode body, Zone zone) {
        LibraryZone library = catalog.libraryZone(request.account(), request.database(), zone.zoneName())
                .orElseThrow();
        // With a parentId filter (the web client walks the folder tree that way), the folder's direct children
        // only; the root folder's children are the top-level albums and folders. Without: everything, root first.
        Optional<String> parent = QueryFilters.of(body.path("query")).text("parentId");
        List<Album> albums = library.albums().stream()
                .filter(album -> parent.isEmpty() || (!album.isRoot() && parent.get().equals(
                        album.parentId() == null ? Album.ROOT_FOLDER : album.parentId())))
                .sorted(Comparator.comparingLong(Album::position)).toList();
        String queryKey = RECORD_TYPE + parent.map(p -> "|" + p).orElse("");
        long start = 0;
        if (body.hasNonNull("continuationMarker")) {
            Optional<Long> resumed = Pages.resume(body.get("continuationMarker").asText(), queryKey);
            if (resumed.isEmpty()) {
                return CloudKitErrors.badRequest("Invalid continuation marker");
            }
            start = resumed.get();
        }
        int limit = Math.min(body.path("resultsLimit").asInt(Pages.MAX_RECORDS), Pages.MAX_RECORDS);
        Pages.Page<Album> page = Pages.window(albums, start, false, limit <= 0 ? Pages.MAX_RECORDS : limit);
        ObjectNode answer = Json.object();
        ArrayNode records = answer.putArray("records");
        page.items().forEach(album -> records.add(json.album(album, library)));
        if (page.next() != null) {
            answer.put("continuationMarker", Pages.marker(queryKey, page.next()));
        }
        if (request.wantsSyncToken()) {
            answer.put("syncToken", PhotoCatalog.zone(library).syncToken());
        }
        return Response.prettyJson(200, answer);
    }
}
