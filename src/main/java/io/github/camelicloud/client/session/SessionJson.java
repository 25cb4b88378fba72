package io.github.camelicloud.client.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A session as JSON ({@code camel-icloud-session/1}): the session file's format, and what a cluster seals. */
public final class SessionJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "camel-icloud-session/1";

    private SessionJson() {
    }

    public static byte[] write(StoredSession session) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ObjectNode values = root.putObject("session");
        session.values().forEach((key, value) -> values.put(key.fileKey(), value));
        ArrayNode cookies = root.putArray("cookies");
        for (StoredCookie c : session.cookies()) {
            cookies.addObject().put("name", c.name()).put("value", c.value()).put("domain", c.domain())
                    .put("hostOnly", c.hostOnly()).put("path", c.path()).put("secure", c.secure())
                    .put("httpOnly", c.httpOnly()).put("expiresAt", c.expiresAt());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static StoredSession read(byte[] json) throws IOException {
        return read(JSON.readTree(json));
    }

    static StoredSession read(JsonNode root) {
        Map<SessionKey, String> values = new EnumMap<>(SessionKey.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("session").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            SessionKey.fromFileKey(e.getKey()).ifPresent(k -> values.put(k, e.getValue().asText()));
        }
        List<StoredCookie> cookies = new ArrayList<>();
        for (JsonNode c : root.path("cookies")) {
            cookies.add(new StoredCookie(c.path("name").asText(), c.path("value").asText(),
                    c.path("domain").asText(), c.path("hostOnly").asBoolean(), c.path("path").asText("/"),
                    c.path("secure").asBoolean(), c.path("httpOnly").asBoolean(),
                    c.path("expiresAt").asLong(Long.MAX_VALUE)));
        }
        return new StoredSession(values, cookies);
    }
}
