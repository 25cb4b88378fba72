package io.github.camelicloud.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.camelicloud.client.ICloudException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A fully read answer of an API call (auth, setup, CloudKit). Downloads are not read this way: they
 * are streamed. The body is parsed as JSON whatever the content type says, because Apple labels
 * some JSON answers text/html.
 */
public final class ApiResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String message;
    private final Headers headers;
    private final String body;
    private JsonNode json;

    public ApiResponse(int status, String message, Headers headers, String body) {
        this.status = status;
        this.message = message == null ? "" : message;
        this.headers = headers;
        this.body = body == null ? "" : body;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public Headers headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isEmpty());
    }

    public String body() {
        return body;
    }

    public boolean successful() {
        return status < 400;
    }

    /** True when the content type says JSON (icloud-protocol.md §8.1, rule 3). */
    public boolean declaredJson() {
        String type = headers.get("Content-Type");
        if (type == null) {
            return false;
        }
        String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || mime.equals("text/json");
    }

    /** The body as JSON; an empty body (e.g. 204) is an empty object, an unparseable one is missing. */
    public synchronized JsonNode json() {
        if (json == null) {
            if (body.isBlank()) {
                json = JSON.createObjectNode();
            } else {
                try {
                    json = JSON.readTree(body);
                } catch (JsonProcessingException e) {
                    json = MissingNode.getInstance();
                }
            }
        }
        return json;
    }

    /** This response, or the typed error that Apple's answer stands for. */
    public ApiResponse orThrow() {
        Optional<ICloudException> error = ErrorClassifier.classify(this);
        if (error.isPresent()) {
            throw error.get();
        }
        return this;
    }
}
