package io.github.camelicloud.client;

/** The account signs in with hardware security keys (FIDO), which iCloud web services do not accept from tools. */
public class SecurityKeyNotSupportedException extends ICloudServiceException {

    public SecurityKeyNotSupportedException(String username, int statusCode) {
        super("The Apple Account " + username + " is protected with security keys (FIDO). Apple does not let"
                + " iCloud web clients such as camel-icloud complete a security-key sign-in, so it cannot sign in."
                + " To use it, remove the security keys under Settings > [your name] > Sign-In & Security >"
                + " Security Keys (Apple then uses verification codes again), or sync a different Apple Account.",
                statusCode, "FIDO");
    }
}
