package io.github.camelicloud.client.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelicloud.client.session.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last MFA state an alert was sent for, kept in a small JSON file next to the session file
 * ({@code <name>.camel-icloud.mfa-state.json}); replaced atomically. A file that cannot be read or written
 * costs at most a repeated alert, so problems are logged, never thrown.
 */
public final class NotifiedState {

    private static final Logger LOG = LoggerFactory.getLogger(NotifiedState.class);
    private static final String SESSION_SUFFIX = ".camel-icloud.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keeps the state in memory only (no session file): alerts repeat after a restart. */
    public static final NotifiedState IN_MEMORY = new NotifiedState((Path) null);

    private final Path file;
    private final Store shared;

    /** Where another implementation keeps the state (a cluster's database, shared by the nodes). */
    public interface Store {
        Optional<MfaState> load();

        /** Records the state; a store that refuses (this node no longer leads the account) throws. */
        void save(MfaState state);
    }

    private NotifiedState(Path file) {
        this.file = file;
        this.shared = null;
    }

    private NotifiedState(Store shared) {
        this.file = null;
        this.shared = shared;
    }

    /** The state kept in {@code store}. */
    public static NotifiedState in(Store store) {
        return new NotifiedState(java.util.Objects.requireNonNull(store, "store"));
    }

    /** The state file that belongs to {@code sessionFile} ({@code X.camel-icloud.json}). */
    public static NotifiedState nextTo(Path sessionFile) {
        String name = sessionFile.getFileName().toString();
        String stem = name.endsWith(SESSION_SUFFIX) ? name.substring(0, name.length() - SESSION_SUFFIX.length())
                : name;
        return new NotifiedState(sessionFile.resolveSibling(stem + ".camel-icloud.mfa-state.json"));
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    Optional<MfaState> load() {
        if (shared != null) {
            return shared.load();
        }
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return Optional.of(MfaState.valueOf(root.path("notified").asText()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable MFA alert state {} ({}); an alert may be repeated", file,
                    e.getMessage());
            return Optional.empty();
        }
    }

    void save(MfaState state) {
        if (shared != null) {
            shared.save(state);
            return;
        }
        if (file == null) {
            return;
        }
        try {
            PrivateFiles.replace(file, JSON.writeValueAsBytes(JSON.createObjectNode().put("notified", state.name())));
        } catch (IOException e) {
            LOG.warn("Cannot record the MFA alert state in {} ({}); the alert may be sent again after a restart."
                    + " Make the cookie directory writable.", file, e.getMessage());
        }
    }
}
