package io.github.camelicloud.client.photos;

import io.github.camelicloud.client.DownloadUrlExpiredException;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.http.ICloudHttp;
import io.github.camelicloud.client.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of a version as one stream that opens on first read, picks up where it broke with a
 * {@code Range} request when the connection fails mid-body, and fails (never ends quietly) when fewer
 * bytes than Apple listed arrived, resuming while the attempts move forward ({@link DownloadBreaks}).
 * Memory use is one read buffer, whatever the file size.
 */
public final class ResumingDownloadStream extends InputStream {

    private static final Logger LOG = LoggerFactory.getLogger(ResumingDownloadStream.class);

    private final AssetDownloader downloader;
    private final Supplier<AssetVersion> freshVersion;
    private AssetVersion version;
    private int refreshes;
    private final RetryPolicy retry;
    private final String name;
    /** Volatile: {@link #cut} comes from another thread. */
    private volatile DownloadStream current;
    private long position;
    private final DownloadBreaks breaks;
    private boolean closed;
    private volatile boolean cut;

    /**
     * @param freshVersion gives the same version with a new URL (a records/lookup) when the signed URL
     *                     expired mid-run; the download then goes on from where it was
     */
    public ResumingDownloadStream(AssetDownloader downloader, AssetVersion version, Supplier<AssetVersion> freshVersion,
            RetryPolicy retry, String name) {
        this(downloader, version, freshVersion, retry, name, 0);
    }

    /**
     * @param startAt the first byte wanted: what an earlier run left in a part file (the stream then holds the
     *                rest, and its position counts from there)
     */
    public ResumingDownloadStream(AssetDownloader downloader, AssetVersion version, Supplier<AssetVersion> freshVersion,
            RetryPolicy retry, String name, long startAt) {
        if (startAt < 0 || (version.size() > 0 && startAt > version.size())) {
            throw new IllegalArgumentException("cannot start " + name + " at byte " + startAt);
        }
        this.downloader = downloader;
        this.version = version;
        this.freshVersion = freshVersion;
        this.retry = retry;
        this.name = name;
        this.position = startAt;
        this.breaks = new DownloadBreaks(retry, version.size(), startAt);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (true) {
            if (cut) {
                throw new IOException("the download of " + name + " was stopped at byte " + position);
            }
            try {
                if (version.size() > 0 && position == version.size()) {
                    return -1; // all there (also when an earlier run had left every byte)
                }
                if (current == null) {
                    current = downloader.open(version, position);
                    if (cut) {
                        continue; // cut while it opened: the next turn says so
                    }
                    if (current.offset() > position) {
                        throw new IOException("the server sent " + name + " from byte " + current.offset()
                                + " instead of " + position);
                    }
                    skip(current, position - current.offset()); // a 200 that ignored the range: from byte 0
                }
                int n = current.read(buffer, offset, length);
                if (n < 0) {
                    if (version.size() > 0 && position != version.size()) {
                        throw new IOException(name + " ended after " + position + " of " + version.size() + " bytes");
                    }
                    return -1;
                }
                position += n;
                return n;
            } catch (DownloadUrlExpiredException e) {
                renewUrl(e);
            } catch (IOException | ICloudException e) {
                if (cut) {
                    continue; // not a break to resume: the loop says it was stopped
                }
                if (e instanceof ICloudException ice && !ice.retryable()) {
                    throw new IOException(ice.getMessage(), ice);
                }
                reopenLater(e);
            }
        }
    }

    /** Reads and drops the bytes before the wanted position (a server that ignored the Range header). */
    private void skip(DownloadStream in, long count) throws IOException {
        if (count > 0) {
            LOG.debug("The server ignored the range request for {}; skipping {} bytes", name, count);
        }
        byte[] drop = new byte[8192];
        long left = count;
        while (left > 0) {
            int n = in.read(drop, 0, (int) Math.min(drop.length, left));
            if (n < 0) {
                throw new IOException(name + " ended after " + (count - left) + " bytes, before byte " + count);
            }
            left -= n;
        }
    }

    /** Gets a fresh URL for the same bytes, at most twice per stream. */
    private void renewUrl(DownloadUrlExpiredException e) throws IOException {
        closeCurrent();
        if (++refreshes > 2) {
            throw new IOException(e.getMessage(), e);
        }
        AssetVersion fresh;
        try {
            fresh = freshVersion.get();
        } catch (ICloudException lookupFailed) {
            throw new IOException(lookupFailed.getMessage(), lookupFailed);
        }
        if (fresh.size() != version.size() || !fresh.checksum().equals(version.checksum())) {
            throw new IOException(name + " changed in iCloud during the download; it is fetched again on the next run");
        }
        LOG.info("The download URL of {} expired; continuing with a fresh one from byte {}", name, position);
        version = fresh;
    }

    private void reopenLater(Exception e) throws IOException {
        closeCurrent();
        if (!breaks.resumeAfterBreakAt(position)) {
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        Duration delay = retry.delayBefore(breaks.nextAttempt(), e instanceof ServiceUnavailableException throttled
                ? throttled.retryAfter() : Optional.empty()); // Apple's Retry-After wins, as for API calls
        downloader.retrying(version, String.valueOf(e.getMessage()));
        LOG.warn("Download of {} broke at byte {} ({}); resuming in {} ms (attempt {}/{} since the last progress)",
                name, position, e.getMessage(), delay.toMillis(), breaks.nextAttempt(), breaks.maxAttempts());
        try {
            ICloudHttp.sleep(delay);
        } catch (ICloudException interrupted) {
            throw new IOException("interrupted while resuming " + name, interrupted);
        }
    }

    /**
     * Ends the download from another thread (a stopping consumer): a read blocked on the connection fails now, and
     * nothing is resumed. What was read stays delivered (a part file keeps it for the next run).
     */
    public void cut() {
        cut = true;
        DownloadStream open = current;
        if (open != null) {
            open.cut();
        }
    }

    /** Bytes delivered so far. */
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        closeCurrent();
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // the connection is discarded either way
            }
            current = null;
        }
    }
}
