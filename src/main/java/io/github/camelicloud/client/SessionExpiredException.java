package io.github.camelicloud.client;

/** The web session is no longer valid (HTTP 421/450/500 "Authentication required"): sign in again. */
public class SessionExpiredException extends ICloudServiceException {

    public SessionExpiredException(int statusCode) {
        super("Authentication required for Account: the iCloud session expired (HTTP " + statusCode
                + "); signing in again.", statusCode, String.valueOf(statusCode), true);
    }
}
