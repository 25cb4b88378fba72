package io.github.camelicloud.simulator.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;

/**
 * Photo-library hooks, each taking {@code ?account=EMAIL} (default: the first account):
 * {@code GET /_simulator/manifest}; {@code POST /_simulator/assets} with
 * {@code {"fileName","itemType"?,"size"?,"assetDate"?,"album"?}}; {@code POST /_simulator/assets/{id}/edit};
 * {@code POST /_simulator/assets/{id}/metadata} {@code {"caption"?,"favorite"?}} (a metadata-only change);
 * {@code DELETE /_simulator/assets/{id}} (to Recently Deleted); {@code POST /_simulator/assets/{id}/expunge}.
 * Albums: {@code POST /_simulator/albums} {@code {"name","parent"?,"folder"?}}, {@code .../albums/add}
 * {@code {"album","asset"}}, {@code .../albums/rename} {@code {"name","newName"}}, {@code .../albums/remove}
 * {@code {"name"}} (by name; photos stay in the library). Shared Albums: {@code POST /_simulator/shared-albums}
 * {@code {"name","owned"?,"owner"?}} (owned by default), {@code .../shared-albums/add}
 * {@code {"album","contributor","fileName","itemType"?,"size"?,"assetDate"?,"addedDate"?}}.
 * {@code id} is the master or the asset recordName (a master name may contain {@code /}: send it as %2F).
 */
public final class LibraryHooks implements RouteModule {

    private static final String ASSETS = HooksModule.PREFIX + "/assets";
    private static final String ALBUMS = HooksModule.PREFIX + "/albums";
    private static final String SHARED_ALBUMS = HooksModule.PREFIX + "/shared-albums";
    private static final long DEFAULT_SIZE = 500_000;

    private final LibraryControl control;
    private final io.github.camelicloud.simulator.content.DownloadUrls urls;

    public LibraryHooks(LibraryControl control, io.github.camelicloud.simulator.content.DownloadUrls urls) {
        this.control = control;
        this.urls = urls;
    }

    @Override
    public void register(Router router) {
        router.add("GET", HooksModule.PREFIX + "/manifest",
                guarded(request -> ok(ManifestJson.write(control.manifest(account(request))))));
        router.add("GET", HooksModule.PREFIX + "/download-urls", guarded(request -> Response.text(200,
                "text/plain; charset=UTF-8", String.join("\n", control.downloadUrls(account(request), urls)) + "\n")));
        router.add("POST", ASSETS, guarded(this::add));
        router.add("POST", ALBUMS, guarded(request -> {
            JsonNode body = request.json();
            control.createAlbum(account(request), required(body, "name"), Json.text(body, "parent"),
                    body.path("folder").asBoolean(false));
            return ok(Json.object().put("created", body.get("name").asText()));
        }));
        router.add("POST", ALBUMS + "/add", guarded(request -> {
            JsonNode body = request.json();
            control.addToAlbum(account(request), required(body, "album"), required(body, "asset"));
            return ok(Json.object().put("added", body.get("asset").asText()));
        }));
        router.add("POST", ALBUMS + "/rename", guarded(request -> {
            JsonNode body = request.json();
            control.renameAlbum(account(request), required(body, "name"), required(body, "newName"));
            return ok(Json.object().put("renamed", body.get("newName").asText()));
        }));
        router.add("POST", ALBUMS + "/remove", guarded(request -> {
            JsonNode body = request.json();
            control.removeAlbum(account(request), required(body, "name"));
            return ok(Json.object().put("removed", body.get("name").asText()));
        }));
        router.add("POST", SHARED_ALBUMS, guarded(request -> {
            JsonNode body = request.json();
            control.createSharedAlbum(account(request), required(body, "name"), body.path("owned").asBoolean(true),
                    Json.text(body, "owner"));
            return ok(Json.object().put("created", body.get("name").asText()));
        }));
        router.add("POST", SHARED_ALBUMS + "/add", guarded(request -> {
            JsonNode body = request.json();
            NewAsset item = newAsset(body);
            LibraryManifest.SharedItem added = control.addToSharedAlbum(account(request), required(body, "album"),
                    required(body, "contributor"), item, instant(body, "addedDate"));
            return ok(ManifestJson.write(added.asset()));
        }));
        router.addPrefix("POST", ASSETS + "/", guarded(request -> {
            String rest = request.path().substring(ASSETS.length() + 1);
            if (rest.endsWith("/edit")) {
                String id = rest.substring(0, rest.length() - "/edit".length());
                return ok(ManifestJson.write(control.editAsset(account(request), id)));
            }
            if (rest.endsWith("/metadata")) {
                String id = rest.substring(0, rest.length() - "/metadata".length());
                JsonNode body = request.json();
                Boolean favorite = body.hasNonNull("favorite") ? body.get("favorite").asBoolean() : null;
                return ok(ManifestJson.write(control.annotateAsset(account(request), id, Json.text(body, "caption"),
                        favorite)));
            }
            if (rest.endsWith("/expunge")) {
                String id = rest.substring(0, rest.length() - "/expunge".length());
                control.expungeAsset(account(request), id);
                return ok(Json.object().put("expunged", id));
            }
            return Response.prettyJson(404, Json.object().put("error", "expected .../{id}/edit, .../{id}/metadata or .../{id}/expunge"));
        }));
        router.addPrefix("DELETE", ASSETS + "/", guarded(request -> {
            String id = request.path().substring(ASSETS.length() + 1);
            try {
                return ok(ManifestJson.write(control.deleteAsset(account(request), id)));
            } catch (NoSuchElementException e) {
                // The router drops a path's trailing '/', which a master recordName (base64) may end with.
                return ok(ManifestJson.write(control.deleteAsset(account(request), id + "/")));
            }
        }));
    }

    private Response add(Request request) {
        JsonNode body = request.json();
        return ok(ManifestJson.write(control.addAsset(account(request), newAsset(body))));
    }

    /** {@code {"fileName","itemType"?,"size"?,"assetDate"?,"album"?,"liveVideoSize"?}}; bad input: 400. */
    private static NewAsset newAsset(JsonNode body) {
        if (!body.isObject() || !body.path("fileName").isTextual()) {
            throw new IllegalArgumentException(
                    "expected {\"fileName\": ..., \"itemType\"?, \"size\"?, \"assetDate\"?, \"album\"?}");
        }
        JsonNode size = body.path("size");
        if (!size.isMissingNode() && (!size.canConvertToLong() || size.asLong() < 0)) {
            throw new IllegalArgumentException("size must be a number of bytes >= 0");
        }
        return new NewAsset(body.get("fileName").asText(), Json.text(body, "itemType"),
                size.isMissingNode() ? DEFAULT_SIZE : size.asLong(), instant(body, "assetDate"),
                Json.text(body, "album"), body.path("liveVideoSize").asLong(0));
    }

    private static Instant instant(JsonNode body, String field) {
        if (!body.hasNonNull(field)) {
            return null;
        }
        try {
            return Instant.parse(body.get(field).asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 instant such as 2024-05-01T10:00:00Z");
        }
    }

    private static String required(JsonNode body, String field) {
        if (!body.path(field).isTextual()) {
            throw new IllegalArgumentException("expected a JSON object with \"" + field + "\"");
        }
        return body.get(field).asText();
    }

    private static String account(Request request) {
        return request.query("account").filter(a -> !a.isBlank()).orElse(null);
    }

    /** Unknown accounts and assets answer 404, bad input 400, with a JSON reason. */
    private static Handler guarded(Handler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (NoSuchElementException e) {
                return Response.prettyJson(404, Json.object().put("error", e.getMessage()));
            } catch (IllegalArgumentException e) {
                return badRequest(e.getMessage());
            }
        };
    }

    private static Response ok(JsonNode body) {
        return Response.prettyJson(200, body);
    }

    private static Response badRequest(String message) {
        return Response.prettyJson(400, Json.object().put("error", message));
    }
}
