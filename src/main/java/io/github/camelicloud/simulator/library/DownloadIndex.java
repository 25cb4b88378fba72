package io.github.camelicloud.simulator.library;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Download tokens (the first path segment of a downloadURL) of every version still in some library, across
 * accounts: the content host needs no cookie, the URL is the credential.
 */
public final class DownloadIndex {

    private final ConcurrentHashMap<String, AssetVersion> byToken = new ConcurrentHashMap<>();

    public void register(Asset asset) {
        asset.masterVersions().values().forEach(v -> byToken.put(v.downloadToken(), v));
        asset.assetVersions().values().forEach(v -> byToken.put(v.downloadToken(), v));
    }

    public void unregister(Asset asset) {
        asset.masterVersions().values().forEach(v -> byToken.remove(v.downloadToken()));
        asset.assetVersions().values().forEach(v -> byToken.remove(v.downloadToken()));
    }

    public Optional<AssetVersion> find(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
