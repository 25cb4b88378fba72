package io.github.camelicloud.client;

/** A signed download URL expired (HTTP 410): listing the asset again gives a fresh one. Retryable. */
public class DownloadUrlExpiredException extends ICloudServiceException {

    public DownloadUrlExpiredException(String what) {
        super("The download URL of " + what + " expired (HTTP 410); it is fetched again with a fresh listing.",
                410, "URL_EXPIRED", true);
    }
}
