package io.github.camelicloud.client;

import java.util.Optional;

/**
 * Root of every error the iCloud client raises. Unchecked, always with a message that says what
 * went wrong and what the user can do. Whether an error is worth retrying is decided here, once,
 * by the type that is thrown — never at the call site.
 */
public class ICloudException extends RuntimeException {

    private final int statusCode;
    private final String code;
    private final boolean retryable;

    public ICloudException(String message) {
        this(message, null, 0, null, false);
    }

    protected ICloudException(String message, Throwable cause, int statusCode, String code, boolean retryable) {
        super(message, cause);
        this.statusCode = statusCode;
        this.code = code;
        this.retryable = retryable;
    }

    /** The HTTP status of Apple's answer, or 0 when there was none (transport errors, local checks). */
    public int statusCode() {
        return statusCode;
    }

    /** Apple's error code (e.g. {@code -20101}, {@code ACCESS_DENIED}) when the answer carried one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** True when the same request may succeed later without the user doing anything. */
    public boolean retryable() {
        return retryable;
    }
}
