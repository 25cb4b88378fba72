package io.github.camelicloud.client;

/** A full sign-in is needed and no password is available. */
public class PasswordRequiredException extends ICloudException {

    public PasswordRequiredException(String username) {
        super("A password is needed to sign in " + username + ": the stored session is missing or no longer"
                + " valid. Pass --password, set ICLOUD_PASSWORD with --password-provider env, or run in a terminal"
                + " to be asked for it.");
    }
}
