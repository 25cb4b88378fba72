package io.github.camelicloud.client.photos;

import java.util.Objects;
import java.util.Optional;

/**
 * One downloadable file of an asset. The download URL is signed and expires (about an hour after the
 * listing); it is missing when Apple did not send one.
 *
 * @param checksum Apple's {@code fileChecksum}: changes when the bytes change
 * @param fileType the uniform type identifier, e.g. {@code public.heic}
 */
public record AssetVersion(VersionType type, long size, String checksum, String fileType,
        Optional<String> downloadUrl) {

    public AssetVersion {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fileType, "fileType");
        checksum = checksum == null ? "" : checksum;
        downloadUrl = downloadUrl == null ? Optional.empty() : downloadUrl;
    }

    @Override
    public String toString() {
        return "AssetVersion[" + type + ", " + size + " bytes, " + fileType + "]"; // the URL is a credential
    }
}
