package io.github.camelicloud.client.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.http.ApiCall;
import io.github.camelicloud.client.http.ApiResponse;
import io.github.camelicloud.client.http.Endpoints;
import io.github.camelicloud.client.http.ICloudHttp;
import io.github.camelicloud.client.session.SessionKey;
import io.github.camelicloud.client.session.SessionState;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** Builds and sends the idmsa and setup calls with the headers Apple expects (icloud-protocol.md §2.2). */
final class AuthRequests {

    static final String WIDGET_KEY = "d39ba9916b7251055b22c7f910e2ea796ee65e98b2ddecea8f5dde8d9d1a815d";

    private final ObjectMapper json = new ObjectMapper();
    private final ICloudHttp http;
    private final Endpoints endpoints;
    private final String clientId;

    AuthRequests(ICloudHttp http, String clientId) {
        this.http = http;
        this.endpoints = http.endpoints();
        this.clientId = clientId;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** idmsa call; {@code srpOrigin} puts the auth root in Origin/Referer as the SRP steps require. */
    ApiResponse idmsa(String method, String path, ObjectNode body, boolean srpOrigin) {
        Headers.Builder h = oauthHeaders()
                .set("Accept", "application/json, text/javascript")
                .set("Content-Type", "application/json");
        if (srpOrigin) {
            h.set("Origin", endpoints.authRoot()).set("Referer", endpoints.authRoot() + "/");
        }
        return http.send(ApiCall.send(method, authUrl(path), h.build(), body == null ? null : body.toString(),
                body == null ? null : ApiCall.JSON));
    }

    /** The SMS-related calls (A5, A7, A8) carry a smaller header set. */
    ApiResponse sms(String method, String path, ObjectNode body) {
        Headers.Builder h = oauthHeaders();
        if (body != null) {
            h.set("Accept", "application/json; charset=utf-8");
        }
        return http.send(ApiCall.send(method, authUrl(path), h.build(), body == null ? null : body.toString(),
                body == null ? null : ApiCall.JSON));
    }

    /** A setup call; {@code dsid} (when known) joins the query as Apple's web client does. */
    ApiResponse setup(String method, String path, String body, String dsid) {
        HttpUrl.Builder url = HttpUrl.get(endpoints.setup() + "/" + path).newBuilder();
        if (path.equals("listDevices") || path.endsWith("VerificationCode")) {
            url.addQueryParameter("clientBuildNumber", http.build().buildNumber())
                    .addQueryParameter("clientMasteringNumber", http.build().masteringNumber())
                    .addQueryParameter("clientId", clientId)
                    .addQueryParameter("dsid", dsid);
        }
        ApiCall call = method.equals("GET") ? ApiCall.get(url.build(), Headers.of())
                : ApiCall.send(method, url.build(), Headers.of(), body, null);
        return http.send(call);
    }

    private Headers.Builder oauthHeaders() {
        Headers.Builder h = new Headers.Builder()
                .set("X-Apple-Widget-Key", WIDGET_KEY)
                .set("X-Apple-OAuth-Client-Id", WIDGET_KEY)
                .set("X-Apple-OAuth-Client-Type", "firstPartyAuth")
                .set("X-Apple-OAuth-Redirect-URI", endpoints.home())
                .set("X-Apple-OAuth-Require-Grant-Code", "true")
                .set("X-Apple-OAuth-Response-Mode", "web_message")
                .set("X-Apple-OAuth-Response-Type", "code")
                .set("X-Apple-OAuth-State", clientId);
        SessionState session = http.session();
        session.get(SessionKey.SCNT).ifPresent(v -> h.set("scnt", v));
        session.get(SessionKey.SESSION_ID).ifPresent(v -> h.set("X-Apple-ID-Session-Id", v));
        return h;
    }

    private HttpUrl authUrl(String path) {
        return HttpUrl.get(path.isEmpty() ? endpoints.auth() : endpoints.auth() + "/" + path);
    }
}
