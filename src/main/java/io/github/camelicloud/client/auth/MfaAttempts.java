package io.github.camelicloud.client.auth;

import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.InvalidMfaCodeException;
import io.github.camelicloud.client.MfaRequiredException;

/** What the verification flows share: how many codes a user may try, and what it means when none comes. */
final class MfaAttempts {

    /** Apple's error code for an incorrect verification code. */
    static final String WRONG_CODE = "-21669";
    static final int MAX = 3;

    private MfaAttempts() {
    }

    /** No code came: after a wrong one that is a failed verification, else MFA is simply required. */
    static ICloudException noCode(String username, String kind, int attempt) {
        return attempt > 1 ? new InvalidMfaCodeException(attempt - 1, kind)
                : new MfaRequiredException(username, "no " + kind + " authentication code was entered");
    }
}
