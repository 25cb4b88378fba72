package io.github.camelicloud.simulator.library;

/**
 * One downloadable resource of an asset, published as the {@code <prefix>Res/FileType/Width/Height/Fingerprint}
 * fields. Checksums look like Apple's (base64 of 21 bytes starting 0x01) and never change for these bytes.
 *
 * @param prefix      field prefix: resOriginal, resJPEGMed, resOriginalVidCompl, ...
 * @param fileType    the UTI of the bytes
 * @param wrappingKey base64 of 16 bytes
 */
public record AssetVersion(String prefix, String fileType, int width, int height, String fileChecksum,
        String referenceChecksum, String wrappingKey, MediaFile file) {

    public long size() {
        return file.size();
    }

    /** The first path segment of the download URL: URL-safe fileChecksum then URL-safe referenceChecksum. */
    public String downloadToken() {
        return urlSafe(fileChecksum) + urlSafe(referenceChecksum);
    }

    static String urlSafe(String base64) {
        return base64.replace('+', '-').replace('/', '_').replace("=", "");
    }
}
