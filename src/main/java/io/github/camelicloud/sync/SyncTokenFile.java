package io.github.camelicloud.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.session.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync token in a small JSON file in the state directory, one per account, library and scope (the destination
 * and every option that changes which files a pass plans), owner-only and replaced atomically, so a crash leaves the
 * previous token, never a broken one. The token is a credential-free cursor, but it tells what the library holds,
 * hence 0600.
 */
public final class SyncTokenFile implements SyncTokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(SyncTokenFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private final Path file;
    private final String library;

    /**
     * @param scope what else the token depends on (destination, naming options); a change gives a new file and
     *              hence one full listing
     */
    public SyncTokenFile(Path directory, String account, String library, String scope) {
        this.library = library;
        this.file = directory.resolve("sync-" + hash(account + "\n" + library + "\n" + scope) + ".json");
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Checkpoint> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            String token = root.path("syncToken").asText("");
            if (root.path("format").asInt() != FORMAT || !root.path("zoneID").isObject() || token.isEmpty()
                    || !library.equals(root.path("library").asText())) {
                LOG.warn("Ignoring the sync state in {}: not one this version wrote; listing the library in full", file);
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(library, root.get("zoneID"), root.path("shared").asBoolean(), token));
        } catch (IOException e) {
            LOG.warn("Cannot read the sync state in {} ({}); listing the library in full", file, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void save(Checkpoint checkpoint) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("library", checkpoint.library());
        root.set("zoneID", checkpoint.zoneId());
        root.put("shared", checkpoint.shared()).put("syncToken", checkpoint.syncToken());
        try {
            PrivateFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ICloudException("Cannot save the sync state in " + file.getParent() + ": " + e.getMessage()
                    + ". Make the state directory writable (--state-directory), or choose another one.");
        }
    }

    @Override
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete the sync state {}: {}", file, e.getMessage());
        }
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
