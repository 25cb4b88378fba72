package io.github.camelicloud.client.session;

/** Where a session survives between runs. Implementations must never leave a half-written session behind. */
public interface SessionStore {

    /** The stored session, or {@link StoredSession#EMPTY} when there is none (or it is unreadable). */
    StoredSession load();

    void save(StoredSession session);

    /** True when someone else (another run, e.g. {@code --auth-only}) replaced the stored session since we last used it. */
    default boolean changedElsewhere() {
        return false;
    }

    /** A store that keeps nothing: every run signs in afresh. */
    SessionStore NONE = new SessionStore() {
        @Override
        public StoredSession load() {
            return StoredSession.EMPTY;
        }

        @Override
        public void save(StoredSession session) {
            // nothing kept on purpose
        }
    };
}
