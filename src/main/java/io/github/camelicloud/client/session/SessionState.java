package io.github.camelicloud.client.session;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The live session of one account: values and cookies, shared by every request, saved to the
 * {@link SessionStore} whenever something changed. Thread-safe.
 */
public final class SessionState {

    private final SessionStore store;
    private final Map<SessionKey, String> values;
    private final List<StoredCookie> cookies;
    private boolean dirty;

    private SessionState(SessionStore store, StoredSession initial) {
        this.store = store;
        this.values = new EnumMap<>(SessionKey.class);
        this.values.putAll(initial.values());
        this.cookies = new ArrayList<>(initial.cookies());
    }

    public static SessionState load(SessionStore store) {
        return new SessionState(store, store.load());
    }

    public synchronized Optional<String> get(SessionKey key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
    }

    public synchronized void put(SessionKey key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!value.equals(values.put(key, value))) {
            dirty = true;
        }
    }

    public synchronized void remove(SessionKey key) {
        if (values.remove(key) != null) {
            dirty = true;
        }
    }

    /** Cookies that are not expired at {@code nowMillis} and pass {@code filter}. */
    public synchronized List<StoredCookie> cookies(long nowMillis, Predicate<StoredCookie> filter) {
        List<StoredCookie> result = new ArrayList<>();
        for (StoredCookie c : cookies) {
            if (!c.expired(nowMillis) && filter.test(c)) {
                result.add(c);
            }
        }
        return result;
    }

    /** Adds or replaces cookies by identity; an already-expired cookie deletes its namesake. */
    public synchronized void storeCookies(List<StoredCookie> received, long nowMillis) {
        for (StoredCookie cookie : received) {
            cookies.removeIf(existing -> existing.sameIdentity(cookie));
            if (!cookie.expired(nowMillis)) {
                cookies.add(cookie);
            }
            dirty = true;
        }
    }

    /** Forgets the web session (cookies and session token) but keeps the trust token and client id. */
    public synchronized void forgetWebSession() {
        cookies.removeIf(c -> !c.name().startsWith("X-APPLE-WEBAUTH-HSA-TRUST"));
        values.remove(SessionKey.SESSION_TOKEN);
        dirty = true;
    }

    /**
     * Takes the stored session over when another run replaced it (a user's {@code --auth-only} while this
     * process waits for a new trust); returns whether it did.
     */
    public synchronized boolean reloadIfChangedElsewhere() {
        if (!store.changedElsewhere()) {
            return false;
        }
        StoredSession stored = store.load();
        values.clear();
        values.putAll(stored.values());
        cookies.clear();
        cookies.addAll(stored.cookies());
        dirty = false;
        return true;
    }

    public synchronized StoredSession snapshot() {
        return new StoredSession(values, cookies);
    }

    /**
     * Saves the session if anything changed since the last save — unless another run replaced the stored
     * session meanwhile: a user's fresh sign-in wins over this run's older state, which the next
     * {@link #reloadIfChangedElsewhere()} replaces.
     */
    public void flush() {
        StoredSession snapshot;
        synchronized (this) {
            if (!dirty || store.changedElsewhere()) {
                return;
            }
            dirty = false;
            snapshot = snapshot();
        }
        store.save(snapshot);
    }
}
