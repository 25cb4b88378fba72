package io.github.camelicloud.app.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a person may want to hear about, the same for every channel: its kind, the account, a title and a text
 * for people (chat messages, mails), and fields for programs (the webhook's JSON). {@code repeated}: the same failure
 * as the last message said; only heartbeat pings hear it again.
 *
 * @param fields JSON values: strings, numbers, booleans, lists and maps of them, in the order given
 */
public record NotifyEvent(EventKind kind, String account, Instant at, String title, String text,
        Map<String, Object> fields, boolean repeated) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public NotifyEvent {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static NotifyEvent of(EventKind kind, String account, String title, String text, Map<String, Object> fields) {
        return new NotifyEvent(kind, account, Instant.now(), title, text, fields, false);
    }

    public NotifyEvent asRepeated() {
        return new NotifyEvent(kind, account, at, title, text, fields, true);
    }

    /** The webhook's body: {@code event}, {@code account}, {@code time}, {@code title}, {@code message}, then the fields. */
    public String json() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("event", kind.wireName());
        all.put("account", account);
        all.put("time", at.toString());
        all.put("title", title);
        all.put("message", text);
        all.putAll(fields);
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's fields are plain values", e);
        }
    }
}
