package io.github.camelicloud.client;

/**
 * A library's change feed cannot be used from a stored sync token: Apple rejected the token (zone-level
 * {@code BAD_REQUEST}), the zone is gone ({@code ZONE_NOT_FOUND}), or so much changed that a listing is
 * cheaper. Not an error for the user: the caller lists the library in full and starts over with a new token.
 */
public class SyncTokenRejectedException extends ICloudServiceException {

    public SyncTokenRejectedException(String message, String code) {
        super(message, 200, code, false);
    }
}
