package io.github.camelicloud.client;

/** The verification code was refused too many times. */
public class InvalidMfaCodeException extends ICloudServiceException {

    /** @param kind "two-factor" or "two-step" */
    public InvalidMfaCodeException(int attempts, String kind) {
        super("Failed to verify " + kind + " authentication code: Apple refused it as incorrect (" + attempts
                + (attempts == 1 ? " attempt" : " attempts") + "). Request a new code and try again.", 400, "-21669");
    }
}
