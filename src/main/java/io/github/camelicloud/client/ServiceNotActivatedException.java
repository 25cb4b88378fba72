package io.github.camelicloud.client;

/** The account has no usable iCloud Photos web service (setup incomplete, zone missing). */
public class ServiceNotActivatedException extends ICloudServiceException {

    public ServiceNotActivatedException(String detail, int statusCode, String code) {
        super("Apple iCloud setup is not complete (" + detail + "). Sign in once at https://www.icloud.com"
                + " (or https://www.icloud.com.cn), finish setting up iCloud Photos, then try again.",
                statusCode, code);
    }
}
