package io.github.camelicloud.client;

/** Apple answered, with an error. Subclasses name the cases a user can act on. */
public class ICloudServiceException extends ICloudException {

    public ICloudServiceException(String message, int statusCode, String code) {
        this(message, statusCode, code, false);
    }

    protected ICloudServiceException(String message, int statusCode, String code, boolean retryable) {
        super(message, null, statusCode, code, retryable);
    }
}
