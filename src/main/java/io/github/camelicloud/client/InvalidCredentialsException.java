package io.github.camelicloud.client;

/** Apple rejected the Apple ID / password pair (SRP proof refused). */
public class InvalidCredentialsException extends ICloudServiceException {

    public InvalidCredentialsException(String username, int statusCode, String code) {
        super("Invalid email/password combination. Apple did not accept the password for " + username
                + ". Check the Apple ID (--username) and the password, then try again.", statusCode, code);
    }

    /** A refusal with its own explanation. */
    protected InvalidCredentialsException(int statusCode, String code, String message) {
        super(message, statusCode, code);
    }
}
