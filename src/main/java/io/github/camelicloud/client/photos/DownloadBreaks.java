package io.github.camelicloud.client.photos;

import io.github.camelicloud.client.http.RetryPolicy;

/**
 * When a broken download is worth resuming: while it moves forward. {@code maxAttempts} of the retry policy
 * caps the breaks in a row with no new byte (a server that keeps failing); a break after progress (Apple's
 * CDN cuts long downloads) starts that count again. An overall cap of one break per {@link #BYTES_PER_BREAK}
 * of the file, on top of {@code maxAttempts}, ends a server that sends only a trickle before each cut.
 */
final class DownloadBreaks {

    /** A connection that carries less than this on average is no download worth going on with. */
    static final long BYTES_PER_BREAK = 1L << 20;

    private final RetryPolicy retry;
    private final long maxBreaks;
    private long positionAtLastBreak;
    private int inARow;
    private int total;

    /** @param size the file's size (0 or less when unknown); {@code start} the first byte wanted */
    DownloadBreaks(RetryPolicy retry, long size, long start) {
        this.retry = retry;
        this.maxBreaks = retry.maxAttempts() + Math.max(0, size) / BYTES_PER_BREAK;
        this.positionAtLastBreak = start;
    }

    /** Counts a break at {@code position}; false when the download should give up. */
    boolean resumeAfterBreakAt(long position) {
        inARow = position > positionAtLastBreak ? 1 : inARow + 1;
        positionAtLastBreak = position;
        total++;
        return inARow < retry.maxAttempts() && total < maxBreaks;
    }

    /** The next attempt's number since the last progress (2 = the first retry), for the back-off and the log. */
    int nextAttempt() {
        return inARow + 1;
    }

    int maxAttempts() {
        return retry.maxAttempts();
    }
}
