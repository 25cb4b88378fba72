package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudServiceException;
import io.github.camelicloud.client.LibraryNotReadyException;
import io.github.camelicloud.client.SessionExpiredException;
import io.github.camelicloud.client.http.ApiCall;
import io.github.camelicloud.client.http.ICloudHttp;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One CloudKit database of the Photos container ({@code private} or {@code shared}), reached under the
 * account's {@code ckdatabasews} root and authenticated by the session cookies only (icloud-protocol.md §1.3, §6).
 */
public final class CloudKitDatabase {

    private final ObjectMapper json = new ObjectMapper();
    private final ICloudHttp http;
    private final String root;
    private final String clientId;
    private final String dsid;
    private final Runnable renewSession;

    /**
     * @param scope        {@code private} or {@code shared}
     * @param renewSession signs in again when Apple says the session expired (the call is then retried once)
     */
    public CloudKitDatabase(ICloudHttp http, String cloudKitUrl, String scope, String clientId, String dsid,
            Runnable renewSession) {
        this.http = http;
        this.renewSession = renewSession;
        this.root = stripTrailingSlash(cloudKitUrl) + "/database/1/com.apple.photos.cloud/production/" + scope;
        this.clientId = clientId;
        this.dsid = dsid;
    }

    /** POST {@code records/query} and friends, with Apple's query parameters; the answer must be a success. */
    public JsonNode post(String operation, JsonNode body) {
        HttpUrl.Builder url = HttpUrl.get(root + "/" + operation).newBuilder();
        if (!operation.equals("zones/list")) {
            url.addQueryParameter("clientBuildNumber", http.build().buildNumber())
                    .addQueryParameter("clientMasteringNumber", http.build().masteringNumber())
                    .addQueryParameter("clientId", clientId)
                    .addQueryParameter("dsid", dsid)
                    .addQueryParameter("remapEnums", "True")
                    .addQueryParameter("getCurrentSyncToken", "True");
        }
        ApiCall call = ApiCall.send("POST", url.build(), Headers.of(), body.toString(),
                operation.equals("records/modify") ? ApiCall.JSON : ApiCall.TEXT);
        ApiCall sent = operation.equals("records/modify") ? call : call.asIdempotent();
        try {
            return http.send(sent).orThrow().json();
        } catch (SessionExpiredException e) {
            renewSession.run();
            return http.send(sent).orThrow().json();
        }
    }

    /**
     * Asks whether the library is ready for web access. Apple answers the first requests for a library
     * that was never used on the web with a bare 400, and reports an unfinished index in the state field:
     * both mean "wait", not "fail".
     */
    public void checkIndexingState(String zoneName) {
        ObjectNode body = json.createObjectNode();
        body.putObject("query").put("recordType", "CheckIndexingState");
        body.putObject("zoneID").put("zoneName", zoneName);
        JsonNode answer;
        try {
            answer = post("records/query", body);
        } catch (ICloudServiceException e) {
            if (e.statusCode() == 400) {
                throw new LibraryNotReadyException("Apple answered Bad Request (400)", 400,
                        e.code().orElse("BAD_REQUEST"));
            }
            throw e;
        }
        JsonNode fields = answer.path("records").path(0).path("fields");
        String state = fields.path("state").path("value").asText("");
        if (!state.equals("FINISHED")) {
            throw new LibraryNotReadyException("Apple iCloud Photo Library has not finished indexing yet, "
                    + fields.path("progress").path("value").asInt(0) + "% done", 200, state);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
