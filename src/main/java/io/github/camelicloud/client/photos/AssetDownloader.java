package io.github.camelicloud.client.photos;

import io.github.camelicloud.client.DownloadUrlExpiredException;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.ICloudServiceException;
import io.github.camelicloud.client.ICloudTransportException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.http.ErrorClassifier;
import io.github.camelicloud.client.http.ICloudHttp;
import io.github.camelicloud.client.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams asset versions: {@code Range} requests from any offset (icloud-protocol.md §6.11), a check of
 * what the server really sent (206 vs a 200 that ignored the range), and resumable downloads into a
 * part file that survive broken connections.
 */
public final class AssetDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(AssetDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 64 * 1024;

    private final ICloudHttp http;
    private final RetryPolicy retry;

    public AssetDownloader(ICloudHttp http, RetryPolicy retry) {
        this.http = http;
        this.retry = retry;
    }

    /** Opens the version's bytes from {@code offset}; the caller must close the stream. */
    public DownloadStream open(AssetVersion version, long offset) {
        String url = version.downloadUrl().orElseThrow(() -> new ICloudServiceException(
                "Could not find URL to download " + version.type() + " version (" + version.size() + " bytes)", 0,
                "NO_URL"));
        ICloudHttp.Streaming streaming = http.stream(HttpUrl.get(url), Headers.of("Range", "bytes=" + offset + "-"));
        Response response = streaming.response();
        try {
            ResponseBody body = response.body();
            switch (response.code()) {
                case 200:
                    if (offset > 0) {
                        LOG.debug("The server ignored the range request; the download starts again from 0");
                    }
                    return new DownloadStream(streaming, body.byteStream(), 0, body.contentLength());
                case 206:
                    long start = rangeStart(response.header("Content-Range"), offset);
                    return new DownloadStream(streaming, body.byteStream(), start, body.contentLength());
                default:
                    throw failure(response, version);
            }
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
    }

    /**
     * Downloads the version into {@code part}, appending to the bytes already there, until it holds
     * {@code version.size()} bytes. Broken connections and transient errors are retried from where the
     * file ends. The part file is never renamed here: the caller decides where it belongs.
     */
    public void downloadTo(AssetVersion version, Path part) {
        DownloadBreaks breaks = new DownloadBreaks(retry, version.size(), sizeOf(part));
        while (true) {
            try {
                long have = Files.exists(part) ? Files.size(part) : 0;
                if (version.size() > 0 && have == version.size()) {
                    return;
                }
                if (version.size() > 0 && have > version.size()) {
                    LOG.warn("{} holds more bytes than Apple lists; downloading it again", part.getFileName());
                    Files.delete(part);
                    have = 0;
                }
                try (DownloadStream in = open(version, have)) {
                    copy(in, part, in.offset() == have);
                }
                long size = Files.size(part);
                if (version.size() <= 0 || size == version.size()) {
                    return;
                }
                throw new IOException("the download ended after " + size + " of " + version.size() + " bytes");
            } catch (IOException | ICloudTransportException | ServiceUnavailableException e) {
                pauseOrGiveUp(breaks, e, part);
            } catch (ICloudServiceException e) {
                if (!e.retryable() || e instanceof DownloadUrlExpiredException) {
                    throw e;
                }
                pauseOrGiveUp(breaks, e, part);
            }
        }
    }

    /** Counts a resumed download in the client's request listeners. */
    void retrying(AssetVersion version, String reason) {
        version.downloadUrl().ifPresent(url -> http.retrying(HttpUrl.get(url), reason));
    }

    private void pauseOrGiveUp(DownloadBreaks breaks, Exception e, Path part) {
        if (!breaks.resumeAfterBreakAt(sizeOf(part))) {
            throw e instanceof ICloudException ice ? ice
                    : new ICloudException("Download of " + part.getFileName() + " failed: " + e.getMessage()
                            + ". It resumes where it stopped on the next run.");
        }
        Duration delay = retry.delayBefore(breaks.nextAttempt(), e instanceof ServiceUnavailableException s
                ? s.retryAfter() : Optional.empty());
        LOG.warn("Download of {} interrupted ({}); resuming in {} ms (attempt {}/{} since the last progress)",
                part.getFileName(), e.getMessage(), delay.toMillis(), breaks.nextAttempt(), breaks.maxAttempts());
        ICloudHttp.sleep(delay);
    }

    private static long sizeOf(Path part) {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void copy(InputStream in, Path part, boolean append) throws IOException {
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
    }

    private static long rangeStart(String contentRange, long requested) {
        if (contentRange == null) {
            return requested;
        }
        Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
        return m.matches() ? Long.parseLong(m.group(1)) : requested;
    }

    private static ICloudException failure(Response response, AssetVersion version) {
        int code = response.code();
        String what = version.type().name().toLowerCase(java.util.Locale.ROOT) + " version (" + version.size()
                + " bytes)";
        if (code == 410) {
            return new DownloadUrlExpiredException(what);
        }
        if (code == 503 || code == 429) {
            return new ServiceUnavailableException(code, null,
                    ErrorClassifier.retryAfterHeader(response.header("Retry-After")).orElse(null));
        }
        if (code == 421 || code >= 500) {
            return new ICloudTransportException("download of " + what, new IOException("HTTP " + code));
        }
        return new ICloudServiceException("Could not download the " + what + ": Apple answered HTTP " + code, code,
                String.valueOf(code));
    }
}
