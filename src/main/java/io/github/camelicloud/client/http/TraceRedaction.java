package io.github.camelicloud.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * What a trace may show. Fail-closed: a header is shown only when it is known to carry nothing secret, a query
 * parameter only when it is one of the web app's build flags; everything else is masked. JSON bodies keep their
 * shape with the secret fields (password and SRP values, codes, tokens, the account's identifiers) masked;
 * other bodies are not recorded at all.
 */
final class TraceRedaction {

    static final String MASK = "***";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Headers that carry nothing secret; every other header's value is masked. */
    private static final Set<String> PLAIN_HEADERS = Set.of("accept", "accept-encoding", "accept-language",
            "accept-ranges", "access-control-allow-credentials", "access-control-allow-origin", "cache-control",
            "connection", "content-encoding", "content-language", "content-length", "content-range",
            "content-type", "date", "etag", "expires", "host", "keep-alive", "last-modified", "origin", "pragma",
            "range", "referer", "referrer-policy", "retry-after", "server", "strict-transport-security",
            "transfer-encoding", "user-agent", "vary", "via", "x-content-type-options", "x-frame-options",
            "x-xss-protection",
            // Apple's public constants and status codes
            "x-apple-widget-key", "x-apple-oauth-client-id", "x-apple-oauth-client-type",
            "x-apple-oauth-redirect-uri", "x-apple-oauth-require-grant-code", "x-apple-oauth-response-mode",
            "x-apple-oauth-response-type", "x-apple-i-rscd", "x-apple-i-ercd", "x-apple-id-account-country",
            "x-apple-twosv-trust-eligible", "x-apple-edp", "x-apple-i-request-id");

    /** Query parameters that are the web app's build flags; every other value (dsid, clientId, signatures) is masked. */
    private static final Set<String> PLAIN_PARAMETERS = Set.of("clientbuildnumber", "clientmasteringnumber",
            "remapenums", "getcurrentsynctoken", "isremembermeenabled");

    /** JSON fields whose values are secret or identify the account. */
    private static final Set<String> SECRET_FIELDS = Set.of("password", "a", "b", "c", "m1", "m2", "salt",
            "verificationcode", "dswebauthtoken", "trusttoken", "trusttokens", "accountname", "appleid", "dsid",
            "adsid", "primaryemail", "appleidalias", "icloudappleidalias", "firstname", "lastname", "fullname",
            "notificationid", "client_id", "clientid");

    private TraceRedaction() {
    }

    static String header(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("set-cookie")) {
            int eq = value.indexOf('=');
            int semicolon = value.indexOf(';');
            return eq < 0 ? MASK : value.substring(0, eq + 1) + MASK + (semicolon < 0 ? "" : value.substring(semicolon));
        }
        if (lower.equals("location")) {
            HttpUrl url = HttpUrl.parse(value);
            return url == null ? MASK : url(url);
        }
        return PLAIN_HEADERS.contains(lower) ? value : MASK;
    }

    /** The URL with every query value that is not a build flag masked (download URLs are signed there). */
    static String url(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            b.addQueryParameter(name, plainParameter(name) || value == null ? value : MASK);
        }
        return b.build().toString();
    }

    static boolean plainParameter(String name) {
        return PLAIN_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A JSON body with its secret fields masked, or empty when the body is not JSON (it is then not recorded). */
    static Optional<String> body(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.equals("null") || trimmed.isEmpty())) {
            return Optional.empty();
        }
        try {
            JsonNode node = trimmed.isEmpty() ? null : JSON.readTree(trimmed);
            return Optional.of(node == null ? trimmed : JSON.writeValueAsString(mask(node, "")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static JsonNode mask(JsonNode node, String parent) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey().toLowerCase(Locale.ROOT);
                if (secretField(key, parent)) {
                    field.setValue(new TextNode(MASK));
                } else if (key.equals("downloadurl") && field.getValue().isTextual()) {
                    HttpUrl url = HttpUrl.parse(field.getValue().asText().replace("${f}", "f"));
                    field.setValue(new TextNode(url == null ? MASK : url(url)));
                } else {
                    field.setValue(mask(field.getValue(), key));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mask(array.get(i), parent));
            }
        }
        return node;
    }

    /** Secrets by name; a {@code code} is one inside {@code securityCode} (elsewhere it is an error code). */
    private static boolean secretField(String key, String parent) {
        return SECRET_FIELDS.contains(key) || (key.equals("code") && parent.equals("securitycode"))
                || key.contains("password") || key.contains("secret")
                || (key.contains("token") && !key.equals("synctoken"));
    }
}
