package io.github.camelicloud.app.notify;

import io.github.camelicloud.client.InvalidCredentialsException;
import io.github.camelicloud.client.MfaRequiredException;
import io.github.camelicloud.client.PasswordRequiredException;
import io.github.camelicloud.client.ICloudTransportException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.app.destination.DestinationException;

/**
 * Why a pass failed, in a person's words, and what to do about it; {@code kind} groups failures that are the same
 * problem, so a watch that keeps failing the same way sends one message until it works again.
 */
record FailureAdvice(String kind, String reason, String action) {

    static FailureAdvice of(Throwable error, String account) {
        Throwable typed = typed(error);
        String reason = typed.getMessage() == null ? typed.getClass().getSimpleName() : typed.getMessage();
        String action;
        if (typed instanceof MfaRequiredException || typed instanceof PasswordRequiredException) {
            action = "Sign in again: camel-icloud --username " + account + " --auth-only (or answer the code request"
                    + " in the chat with --mfa-provider telegram); the sync goes on after that";
        } else if (typed instanceof InvalidCredentialsException) {
            action = "Check the Apple ID and password (--password-provider, ICLOUD_PASSWORD)";
        } else if (typed instanceof ICloudTransportException || typed instanceof ServiceUnavailableException) {
            action = "Nothing, if it passes: iCloud or the network was unavailable; the next pass tries again";
        } else if (typed instanceof DestinationException) {
            action = "Check the destination (space, permissions, credentials); the next pass sends what is missing";
        } else {
            action = "The log says more; the next pass tries again";
        }
        return new FailureAdvice(typed.getClass().getSimpleName(), reason, action);
    }

    /** The first of the causes that is one of the product's own errors, else the outermost. */
    private static Throwable typed(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof io.github.camelicloud.client.ICloudException || e instanceof DestinationException) {
                return e;
            }
        }
        return error;
    }
}
