package io.github.camelicloud.client;

/** A verification code is needed but none can be asked for now (unattended run, or trust expired). */
public class MfaRequiredException extends ICloudServiceException {

    public MfaRequiredException(String username, String why) {
        super("Multi-factor authentication is required for " + username + " (" + why + "). Run"
                + " 'camel-icloud --username " + username + " --auth-only' in a terminal and enter the code"
                + " sent to your trusted device; the trust then lasts for weeks.", 0, "MFA_REQUIRED");
    }
}
