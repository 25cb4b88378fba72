package io.github.camelicloud.client;

/**
 * Apple refused the password as an app-specific one (service error -20283, icloudpd #1342): those work for mail,
 * contacts and calendars only, never for iCloud on the web, which is what this client signs in to.
 */
public class AppSpecificPasswordException extends InvalidCredentialsException {

    public static final String CODE = "-20283";

    public AppSpecificPasswordException(String username, int statusCode) {
        super(statusCode, CODE, "Apple refused the password for " + username + " as an app-specific password (-20283). App-specific"
                + " passwords can never sign in to iCloud on the web, which this tool uses: use the Apple Account's own"
                + " password, and confirm the sign-in with a two-factor code.");
    }
}
