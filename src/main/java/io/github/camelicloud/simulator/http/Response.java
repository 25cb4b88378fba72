package io.github.camelicloud.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP answer. Headers are an ordered list so that a name (Set-Cookie, Cache-Control) may repeat.
 *
 * @param body   the bytes of a small answer (empty when {@code stream} is set)
 * @param stream a body written while sending, for downloads far larger than memory; null for most answers
 */
public record Response(int status, List<Header> headers, byte[] body, BodyStream stream) {

    /** Apple's content types differ per host; these are the spellings seen in the cassettes. */
    public static final String IDMSA_JSON = "application/json;charset=UTF-8";
    public static final String IDMSA_HTML = "text/html;charset=UTF-8";
    public static final String ICLOUD_JSON = "application/json; charset=UTF-8";
    public static final String ICLOUD_HTML = "text/html; charset=UTF-8";

    public record Header(String name, String value) {
    }

    /** A body of known length, produced straight into the connection. */
    public interface BodyStream {

        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Thrown by a {@link BodyStream} to drop the connection on the spot (injected faults): the client sees the body
     * end before its Content-Length, as when a connection breaks.
     */
    public static final class DropConnection extends java.io.IOException {
        public DropConnection(String message) {
            super(message);
        }
    }

    public Response {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    public Response(int status, List<Header> headers, byte[] body) {
        this(status, headers, body, null);
    }

    /** An answer whose body is streamed with a fixed Content-Length. */
    public static Response streamed(int status, List<Header> headers, BodyStream stream) {
        return new Response(status, headers, new byte[0], stream);
    }

    public static Response empty(int status) {
        return new Response(status, List.of(), new byte[0]);
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, List.of(new Header("Content-Type", contentType)),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /** Compact JSON, as idmsa and setup write it. */
    public static Response json(int status, String contentType, JsonNode json) {
        try {
            return new Response(status, List.of(new Header("Content-Type", contentType)),
                    Json.MAPPER.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** Pretty JSON in Jackson's default style ({@code "key" : value}), as CloudKit writes it. */
    public static Response prettyJson(int status, JsonNode json) {
        try {
            return new Response(status, List.of(new Header("Content-Type", ICLOUD_JSON)),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    public Response withHeader(String name, String value) {
        List<Header> copy = new ArrayList<>(headers);
        copy.add(new Header(name, value));
        return new Response(status, copy, body, stream);
    }

    public Response withCookie(SetCookie cookie) {
        return withHeader("Set-Cookie", cookie.toHeaderValue());
    }

    public Response withCookies(List<SetCookie> cookies) {
        Response response = this;
        for (SetCookie cookie : cookies) {
            response = response.withCookie(cookie);
        }
        return response;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
