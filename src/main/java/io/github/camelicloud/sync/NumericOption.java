package io.github.camelicloud.sync;

/**
 * The range of every numeric option, in one place for the command line ({@code --max-retries}) and the
 * {@code icloud:} endpoint ({@code maxRetries}): a value out of range is refused with the option's name and
 * what it accepts, never clamped or taken as it is.
 */
public enum NumericOption {
    MAX_RETRIES("--max-retries", "maxRetries", 0, Integer.MAX_VALUE),
    RETRY_DELAY("--retry-delay", "retryDelaySeconds", 0, 86_400),
    RECENT("--recent", "recent", 0, Integer.MAX_VALUE),
    UNTIL_FOUND("--until-found", "untilFound", 1, Integer.MAX_VALUE),
    WATCH_INTERVAL("--watch-with-interval", null, 1, Integer.MAX_VALUE),
    KEEP_RECENT_DAYS("--keep-icloud-recent-days", "keepRecentDays", 0, Integer.MAX_VALUE),
    MFA_EXPIRY_WARNING_DAYS("--mfa-expiry-warning-days", "mfaExpiryWarningDays", 0, Integer.MAX_VALUE),
    CONNECT_TIMEOUT("--connect-timeout", "connectTimeoutSeconds", 1, 86_400),
    READ_TIMEOUT("--read-timeout", "readTimeoutSeconds", 1, 86_400),
    PAGE_SIZE(null, "pageSize", 1, 10_000),
    CONCURRENCY("--threads-num", "concurrency", 1, 1_000),
    METRICS_PORT("--metrics-port", null, 1, 65_535),
    WEBUI_PORT("--webui-port", null, 0, 65_535),
    SMTP_PORT("--smtp-port", null, 1, 65_535),
    SFTP_PORT("--sftp-port", null, 1, 65_535);

    private final String cliName;
    private final String endpointName;
    private final long min;
    private final long max;

    NumericOption(String cliName, String endpointName, long min, long max) {
        this.cliName = cliName;
        this.endpointName = endpointName;
        this.min = min;
        this.max = max;
    }

    /** The flag's name, or null for an endpoint-only option. */
    public String cliName() {
        return cliName;
    }

    /** The value, checked as a command-line flag. @throws IllegalArgumentException out of range */
    public long checkFlag(long value) {
        return check(cliName, value);
    }

    /** The value, checked as an endpoint option. @throws IllegalArgumentException out of range */
    public int checkEndpoint(int value) {
        return (int) check(endpointName, value);
    }

    /** Null (not given) passes. */
    public Integer checkEndpoint(Integer value) {
        return value == null ? null : checkEndpoint(value.intValue());
    }

    private long check(String name, long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + (max >= Integer.MAX_VALUE ? min + " or more"
                    : "from " + min + " to " + max) + ", got " + value);
        }
        return value;
    }
}
