package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.SessionExpiredException;
import io.github.camelicloud.client.http.ApiCall;
import io.github.camelicloud.client.http.ICloudHttp;
import io.github.camelicloud.client.ICloudException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Shared Albums through the {@code sharedstreams} web service (not CloudKit): {@code webgetalbumslist} at
 * {@code <sharedstreams>/<dsid>/sharedstreams/}, then {@code webgetassets} at each album's {@code albumlocation},
 * whose pages hold CPLMaster/CPLAsset pairs like a CloudKit page (read by {@link AssetParser}); comments and
 * other record types are skipped. Download URLs expire like the library's: list shortly before downloading, and
 * {@link #refresh} when one has expired (a stream has no CloudKit record to look up: the album is listed again).
 */
public final class SharedStreams {

    /** The zone name an asset of a Shared Album carries (there is no CloudKit zone). */
    public static final String ZONE = "SharedStreams";
    private static final int PAGE = 100;
    /** How long a listing made to refresh a URL serves further refreshes (its URLs live about an hour). */
    private static final Duration RELISTING_SERVES = Duration.ofMinutes(10);

    /** A photo or video of a Shared Album and who added it (empty when Apple does not say). */
    public record SharedAsset(Asset asset, String contributor) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ICloudHttp http;
    private final String root;
    private final Runnable renewSession;
    private final Clock clock;
    /** The last listing made by {@link #refresh}, per album: the URLs of its other assets are fresh as well. */
    private final Map<String, Relisting> relisted = new ConcurrentHashMap<>();

    private record Relisting(Instant at, Map<String, Asset> byId) {
    }

    public SharedStreams(ICloudHttp http, String sharedStreamsUrl, String dsid, Runnable renewSession) {
        this(http, sharedStreamsUrl, dsid, renewSession, Clock.systemUTC());
    }

    SharedStreams(ICloudHttp http, String sharedStreamsUrl, String dsid, Runnable renewSession, Clock clock) {
        this.clock = clock;
        this.http = http;
        this.root = sharedStreamsUrl.replaceAll("/+$", "") + "/" + dsid + "/sharedstreams/";
        this.renewSession = renewSession;
    }

    /** Every Shared Album the account owns or subscribes to, in Apple's order. */
    public List<SharedAlbum> albums() {
        JsonNode answer = post(root + "webgetalbumslist", json.createObjectNode());
        List<SharedAlbum> albums = new ArrayList<>();
        for (JsonNode a : answer.path("albums")) {
            String location = a.path("albumlocation").asText("");
            albums.add(new SharedAlbum(a.path("albumguid").asText(), a.path("attributes").path("name").asText(""),
                    "owned".equals(a.path("sharingtype").asText()), a.path("ownerfullname").asText(""),
                    location.isEmpty() ? root : location, a.path("albumctag").asText("")));
        }
        return albums;
    }

    /** Every photo and video of the album, a page at a time. */
    public List<SharedAsset> assets(SharedAlbum album) {
        List<SharedAsset> assets = new ArrayList<>();
        String location = album.location().endsWith("/") ? album.location() : album.location() + "/";
        for (int offset = 0; ; offset += PAGE) {
            ObjectNode body = json.createObjectNode().put("albumguid", album.guid()).put("albumctag", album.ctag())
                    .put("offset", String.valueOf(offset)).put("limit", String.valueOf(PAGE));
            JsonNode records = post(location + "webgetassets", body).path("records");
            Map<String, JsonNode> masters = new HashMap<>();
            int pairs = 0;
            for (JsonNode r : records) {
                if ("CPLMaster".equals(r.path("recordType").asText())) {
                    masters.put(r.path("recordName").asText(), r);
                }
            }
            for (JsonNode r : records) {
                if (!"CPLAsset".equals(r.path("recordType").asText())) {
                    continue; // CPLComment and what else a stream carries: not a file
                }
                JsonNode master = masters.get(r.path("fields").path("masterRef").path("value").path("recordName")
                        .asText());
                if (master != null) {
                    pairs++;
                    assets.add(new SharedAsset(AssetParser.parse(master, r, ZONE),
                            r.path("fields").path("contributorFullName").path("value").asText("")));
                }
            }
            if (pairs < PAGE) {
                return assets;
            }
        }
    }

    /**
     * The asset as the album holds it now, with freshly signed download URLs, for a URL that expired (HTTP 410):
     * the album is listed again; that listing serves the album's other expired URLs for a while, so a long run
     * lists an album again about once an hour, not once per file. One refresh at a time: downloads running side by
     * side whose URLs expired together wait for one listing instead of each making its own.
     *
     * @throws ICloudException when the asset is no longer in the album
     */
    public synchronized Asset refresh(SharedAlbum album, Asset asset) {
        Relisting last = relisted.get(album.guid());
        if (last == null || !last.byId().containsKey(asset.id())
                || last.at().plus(RELISTING_SERVES).isBefore(clock.instant())) {
            Map<String, Asset> byId = new HashMap<>();
            assets(album).forEach(a -> byId.put(a.asset().id(), a.asset()));
            last = new Relisting(clock.instant(), Map.copyOf(byId));
            relisted.put(album.guid(), last);
        }
        Asset fresh = last.byId().get(asset.id());
        if (fresh == null) {
            throw new ICloudException(asset.fileName().orElse(asset.id()) + " is no longer in the Shared Album "
                    + album.name());
        }
        return fresh;
    }

    private JsonNode post(String url, JsonNode body) {
        ApiCall sent = ApiCall.send("POST", HttpUrl.get(url), Headers.of(), body.toString(), ApiCall.TEXT)
                .asIdempotent();
        try {
            return http.send(sent).orThrow().json();
        } catch (SessionExpiredException e) {
            renewSession.run();
            return http.send(sent).orThrow().json();
        }
    }
}
