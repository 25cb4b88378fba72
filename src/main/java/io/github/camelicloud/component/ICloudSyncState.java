package io.github.camelicloud.component;

import io.github.camelicloud.sync.FolderStructure;
import io.github.camelicloud.sync.SyncTokenFile;
import io.github.camelicloud.sync.SyncTokenStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.util.URISupport;

/**
 * Decides whether a consumer's poll may be incremental, and where its sync token lives. Incremental applies to
 * whole-library syncs only: an album, {@code recent} or {@code untilFound} pass is a different selection than
 * "what changed" (a dry run reads the token but never moves it), and a relative {@code skipCreatedAfter} lets
 * older assets in as time passes, which no change reports (so does {@code keepRecentDays}). The token's key covers the destination and every
 * option that changes which files a pass plans, so changing one of them starts over with a full listing.
 */
final class ICloudSyncState {

    /** Options that differ between a cluster's nodes without changing what a pass plans. */
    private static final Set<String> NODE_LOCAL = Set.of("cookieDirectory", "stateDirectory", "traceFile",
            "password");

    private ICloudSyncState() {
    }

    static Optional<SyncTokenStore> store(ICloudEndpoint endpoint, String account) {
        ICloudConfiguration c = endpoint.getConfiguration();
        boolean wholeLibrary = (c.getAlbums() == null || c.getAlbums().isBlank()) && c.getRecent() == null
                && c.getUntilFound() == null && !c.getFolderStructure().contains(FolderStructure.ALBUM);
        boolean relativeSkip = c.getSkipCreatedAfter() != null && c.getSkipCreatedAfter().trim().endsWith("d");
        boolean ageBasedDeletion = c.getKeepRecentDays() != null; // assets come of age with no change reported
        if (!c.isIncrementalSync() || !wholeLibrary || relativeSkip || ageBasedDeletion) {
            return Optional.empty();
        }
        SyncTokenStore.Factory shared = endpoint.getCamelContext().getRegistry().lookupByNameAndType(
                SyncTokenStore.Factory.BEAN, SyncTokenStore.Factory.class);
        if (shared != null) { // cluster mode: the next leader resumes from it, whatever its folders are called
            return Optional.of(shared.open(account, c.getLibrary(), scope(endpoint, NODE_LOCAL)));
        }
        return directory(c, endpoint.ownsClient()).map(dir -> new SyncTokenFile(dir, account, c.getLibrary(),
                scope(endpoint, Set.of())));
    }

    /** Whether the local folder the token was made for still exists: a deleted folder deserves a full pass. */
    static boolean targetPresent(ICloudConfiguration c) {
        return c.getDirectory() == null || Files.isDirectory(Path.of(c.getDirectory()));
    }

    /** Where the consumer's state (sync token, the folder's record) lives, if anywhere. */
    static Optional<Path> stateDirectory(ICloudEndpoint endpoint) {
        return directory(endpoint.getConfiguration(), endpoint.ownsClient());
    }

    private static Optional<Path> directory(ICloudConfiguration c, boolean ownsClient) {
        if (c.getStateDirectory() != null && !c.getStateDirectory().isBlank()) {
            return Optional.of(Path.of(c.getStateDirectory()));
        }
        if (c.getCookieDirectory() != null && !c.getCookieDirectory().isBlank()) {
            return Optional.of(Path.of(c.getCookieDirectory()).resolve("camel-icloud-state"));
        }
        return ownsClient ? Optional.of(Path.of(System.getProperty("user.home"), ".camel-icloud", "state"))
                : Optional.empty();
    }

    /** @param leftOut endpoint options that name where this process keeps things, not what a pass plans */
    private static String scope(ICloudEndpoint endpoint, Set<String> leftOut) {
        ICloudConfiguration c = endpoint.getConfiguration();
        return String.join("\n", uri(endpoint, leftOut),
                c.getDirectory() == null ? "" : Path.of(c.getDirectory()).toAbsolutePath().normalize().toString(),
                repository(c.getIdempotentRepository()), c.getSizes(), String.valueOf(c.isForceSize()),
                c.getLivePhotoSize(), c.getLivePhotoMovFilenamePolicy(), c.getAlignRaw(), c.getFileMatchPolicy(),
                String.valueOf(c.isKeepUnicodeInFilenames()), String.valueOf(c.isSkipVideos()),
                String.valueOf(c.isSkipPhotos()), String.valueOf(c.isSkipLivePhotos()),
                String.valueOf(c.getSkipCreatedBefore()), String.valueOf(c.getSkipCreatedAfter()),
                c.getFolderStructure(), String.valueOf(c.isUseOsLocale()));
    }

    private static String uri(ICloudEndpoint endpoint, Set<String> leftOut) {
        String uri = URISupport.sanitizeUri(endpoint.getEndpointUri());
        if (leftOut.isEmpty()) {
            return uri;
        }
        try {
            Map<String, Object> options = new TreeMap<>(URISupport.parseParameters(new URI(uri)));
            options.keySet().removeAll(leftOut);
            return URISupport.createRemainingURI(new URI(uri), options).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid endpoint URI: " + uri, e);
        }
    }

    /** A destination's record of delivered files is part of its identity (another bucket has another record). */
    private static String repository(IdempotentRepository repository) {
        if (repository == null) {
            return "";
        }
        if (repository instanceof FileIdempotentRepository file) {
            return "file:" + file.getFilePath();
        }
        try { // a repository that says which record it is (a destination's) is that record
            return repository.getClass().getMethod("toString").getDeclaringClass() == Object.class
                    ? repository.getClass().getName() : repository.toString();
        } catch (NoSuchMethodException e) {
            return repository.getClass().getName();
        }
    }
}
