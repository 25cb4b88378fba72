package io.github.camelicloud.client;

/**
 * The photo library is not yet available to web clients: the first-run "Bad Request (400)" that Apple
 * answers while it prepares a library for web access, or an index still being built. Retryable.
 */
public class LibraryNotReadyException extends ICloudServiceException {

    public LibraryNotReadyException(String detail, int statusCode, String code) {
        super("iCloud is still preparing the photo library for web access (" + detail + "). On first use this"
                + " takes 5-10 minutes; camel-icloud waits and retries by itself.", statusCode, code, true);
    }
}
