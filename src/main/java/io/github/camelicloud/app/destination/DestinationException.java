package io.github.camelicloud.app.destination;

/** A destination refused or could not be reached; the message names it and says what to check. */
public final class DestinationException extends RuntimeException {

    public DestinationException(String message, Throwable cause) {
        super(message, cause);
    }
}
