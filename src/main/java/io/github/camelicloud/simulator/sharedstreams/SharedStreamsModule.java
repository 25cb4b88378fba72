package io.github.camelicloud.simulator.sharedstreams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.cloudkit.CloudKitDatabase;
import io.github.camelicloud.simulator.cloudkit.CloudKitErrors;
import io.github.camelicloud.simulator.cloudkit.CloudKitGate;
import io.github.camelicloud.simulator.cloudkit.CloudKitRequest;
import io.github.camelicloud.simulator.content.DownloadUrls;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.library.Asset;
import io.github.camelicloud.simulator.library.AssetVersion;
import io.github.camelicloud.simulator.library.PhotoLibraries;
import io.github.camelicloud.simulator.library.SharedStream;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@code sharedstreams} web service (Shared Albums), at {@code /<dsid>/sharedstreams/} of the base URL, which
 * accountLogin names as {@code webservices.sharedstreams.url}: {@code webgetalbumslist}, {@code webgetassetcount}
 * and {@code webgetassets} (pages of CPLMaster/CPLAsset pairs, with CPLComment records the downloader skips, and
 * download URLs that expire like the library's). Authenticated by the web session cookies like CloudKit.
 */
public final class SharedStreamsModule implements RouteModule {

    /** The stream's partition, as Apple's {@code albumlocation} names one (the simulator has one). */
    static final String LOCATION_PATH = "/sharedstreams/";

    private final SimulatorState state;
    private final PhotoLibraries libraries;
    private final DownloadUrls urls;

    public SharedStreamsModule(SimulatorState state, PhotoLibraries libraries, DownloadUrls urls) {
        this.state = state;
        this.libraries = libraries;
        this.urls = urls;
    }

    @Override
    public void register(Router router) {
        CloudKitGate gate = new CloudKitGate(state);
        for (AccountState account : state.accounts().all()) {
            String root = "/" + account.identity().dsid() + LOCATION_PATH;
            router.add("POST", root + "webgetalbumslist", gate.protect(CloudKitDatabase.PRIVATE, this::albums));
            router.add("POST", root + "webgetassetcount", gate.protect(CloudKitDatabase.PRIVATE, this::count));
            router.add("POST", root + "webgetassets", gate.protect(CloudKitDatabase.PRIVATE, this::assets));
        }
    }

    private List<SharedStream> streams(CloudKitRequest request) {
        AccountState account = request.session().account();
        return libraries.of(account.email(), account.libraryOwner()).sharedStreams();
    }

    private Response albums(CloudKitRequest request) {
        String location = state.hosts().serviceUrl(request.http(), "sharedstreams") + "/"
                + request.session().account().identity().dsid() + LOCATION_PATH;
        ObjectNode body = Json.object();
        ArrayNode albums = body.putArray("albums");
        for (SharedStream s : streams(request)) {
            ObjectNode album = albums.addObject();
            album.put("albumguid", s.guid()).put("albumlocation", location).put("albumctag", "FT;" + s.members().size())
                    .put("ownerdsid", s.owned() ? request.session().account().identity().dsid() : String.valueOf(
                            10_000_000_000L + Math.floorMod(s.guid().hashCode(), 1_000_000_000L)))
                    .put("sharingtype", s.owned() ? "owned" : "subscribed").put("iswebuploadsupported", s.owned());
            ObjectNode attributes = album.putObject("attributes");
            attributes.put("name", s.name()).put("creationDate", String.valueOf(s.created().toEpochMilli()))
                    .put("allowcontributions", true).put("ispublic", false);
            album.put("ownerfullname", s.ownerName());
        }
        return Response.json(200, "application/json", body);
    }

    private Optional<SharedStream> stream(CloudKitRequest request) {
        String guid = request.http().json().path("albumguid").asText("");
        return streams(request).stream().filter(s -> s.guid().equals(guid)).findFirst();
    }

    private Response count(CloudKitRequest request) {
        return stream(request).map(s -> Response.json(200, "application/json",
                Json.object().put("albumassetcount", s.members().size())))
                .orElseGet(SharedStreamsModule::unknownAlbum);
    }

    private Response assets(CloudKitRequest request) {
        Optional<SharedStream> found = stream(request);
        if (found.isEmpty()) {
            return unknownAlbum();
        }
        JsonNode query = request.http().json();
        int offset = Math.max(0, parse(query.path("offset").asText("0")));
        int limit = Math.max(1, parse(query.path("limit").asText("100")));
        List<SharedStream.Member> members = found.get().members();
        String contentRoot = state.hosts().contentRoot(request.http());
        Instant now = state.now();
        ObjectNode body = Json.object();
        ArrayNode records = body.putArray("records");
        for (SharedStream.Member m : members.subList(Math.min(offset, members.size()),
                Math.min(members.size(), offset + limit))) {
            records.add(master(m.asset(), contentRoot, now));
            records.add(asset(m, found.get()));
            for (String comment : m.comments()) {
                ObjectNode c = records.addObject().put("recordName", m.asset().assetName() + "-c")
                        .put("recordType", "CPLComment");
                c.putObject("fields").putObject("commentText").put("value", comment);
            }
        }
        return Response.json(200, "application/json", body);
    }

    private ObjectNode master(Asset asset, String contentRoot, Instant now) {
        ObjectNode m = Json.object().put("recordName", asset.masterName()).put("recordType", "CPLMaster")
                .put("recordChangeTag", asset.masterTag());
        ObjectNode fields = m.putObject("fields");
        fields.putObject("filenameEnc").put("value", Base64.getEncoder().encodeToString(
                asset.fileName().name().getBytes(StandardCharsets.UTF_8))).put("type", "ENCRYPTED_BYTES");
        fields.putObject("itemType").put("value", asset.traits().itemType()).put("type", "STRING");
        AssetVersion original = asset.masterVersions().get("resOriginal");
        ObjectNode res = fields.putObject("resOriginalRes");
        res.putObject("value").put("size", original.size()).put("fileChecksum", original.fileChecksum())
                .put("downloadURL", urls.url(contentRoot, original, "SharedStreams", now));
        res.put("type", "ASSETID");
        fields.putObject("resOriginalFileType").put("value", original.fileType()).put("type", "STRING");
        fields.putObject("resOriginalWidth").put("value", original.width()).put("type", "INT64");
        fields.putObject("resOriginalHeight").put("value", original.height()).put("type", "INT64");
        return m;
    }

    private static ObjectNode asset(SharedStream.Member member, SharedStream stream) {
        Asset asset = member.asset();
        ObjectNode a = Json.object().put("recordName", asset.assetName()).put("recordType", "CPLAsset")
                .put("recordChangeTag", asset.assetTag());
        ObjectNode fields = a.putObject("fields");
        fields.putObject("assetDate").put("value", asset.assetDate().toEpochMilli()).put("type", "TIMESTAMP");
        fields.putObject("addedDate").put("value", asset.addedDate().toEpochMilli()).put("type", "TIMESTAMP");
        fields.putObject("masterRef").put("type", "REFERENCE").putObject("value")
                .put("recordName", asset.masterName());
        fields.putObject("contributorFullName").put("value", member.contributor()).put("type", "STRING");
        return a;
    }

    /** Apple's answer for an album the account does not see is not recorded: ours names it. */
    private static Response unknownAlbum() {
        return CloudKitErrors.error(404, "NOT_FOUND", "no such shared album for this account");
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
