package io.github.camelicloud.simulator.library;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every version still in some library, across accounts, by fileChecksum: the content host needs no cookie,
 * the URL's token (URL-safe fileChecksum + referenceChecksum) is the credential.
 */
public final class DownloadIndex {

    /** A fileChecksum in base64 of 21 bytes: 28 characters, no padding. */
    private static final int CHECKSUM_LENGTH = 28;

    private final ConcurrentHashMap<String, AssetVersion> byChecksum = new ConcurrentHashMap<>(1 << 12);

    public void register(Asset asset) {
        asset.masterVersions().values().forEach(v -> byChecksum.put(v.fileChecksum(), v));
        asset.assetVersions().values().forEach(v -> byChecksum.put(v.fileChecksum(), v));
    }

    public void unregister(Asset asset) {
        asset.masterVersions().values().forEach(v -> byChecksum.remove(v.fileChecksum()));
        asset.assetVersions().values().forEach(v -> byChecksum.remove(v.fileChecksum()));
    }

    /** The version a download token names, if the whole token (both checksums) matches. */
    public Optional<AssetVersion> find(String token) {
        if (token.length() != 2 * CHECKSUM_LENGTH) {
            return Optional.empty();
        }
        String fileChecksum = token.substring(0, CHECKSUM_LENGTH).replace('-', '+').replace('_', '/');
        AssetVersion version = byChecksum.get(fileChecksum);
        return version != null && version.downloadToken().equals(token) ? Optional.of(version) : Optional.empty();
    }
}
