package io.github.camelicloud.client.session;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of a session: the values of {@link SessionKey} and the cookie jar. */
public record StoredSession(Map<SessionKey, String> values, List<StoredCookie> cookies) {

    public static final StoredSession EMPTY = new StoredSession(Map.of(), List.of());

    public StoredSession {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
        cookies = List.copyOf(cookies);
    }

    public Optional<String> value(SessionKey key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public boolean isEmpty() {
        return values.isEmpty() && cookies.isEmpty();
    }

    @Override
    public String toString() {
        return "StoredSession[keys=" + values.keySet() + ", cookies=" + cookies.size() + "]";
    }
}
