package io.github.camelicloud.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where one consumer keeps the sync token of the library it mirrors: a file in the state directory
 * ({@link SyncTokenFile}), or in cluster mode the shared database, so whichever node leads the account next resumes
 * from it.
 */
public interface SyncTokenStore {

    /**
     * A library's state after a completed pass.
     *
     * @param zoneId    the zoneID Apple sent, so the next poll needs no zones/list
     * @param syncToken where the next poll's change feed starts
     */
    record Checkpoint(String library, JsonNode zoneId, boolean shared, String syncToken) {
        @Override
        public String toString() {
            return "Checkpoint[" + library + "]";
        }
    }

    /** Opens the store of one account, library and scope (what else the token depends on: destination, options). */
    @FunctionalInterface
    interface Factory {
        /** The registry name under which cluster mode binds the shared store. */
        String BEAN = "icloud-sync-tokens";

        SyncTokenStore open(String account, String library, String scope);
    }

    /** The stored checkpoint; empty when there is none or it cannot be read (a full listing then starts over). */
    Optional<Checkpoint> load();

    /** Moves the token on (after a pass that handled every change). */
    void save(Checkpoint checkpoint);

    /** Forgets the token: the next pass lists the library in full. */
    void clear();
}
