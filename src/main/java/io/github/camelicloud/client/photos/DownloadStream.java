package io.github.camelicloud.client.photos;

import io.github.camelicloud.client.http.ICloudHttp;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one version, straight from the connection (never buffered whole). {@link #offset()} is
 * where the stream really starts: the requested offset, or 0 when the server ignored the range.
 * Closing it releases the connection.
 */
public final class DownloadStream extends FilterInputStream {

    private final ICloudHttp.Streaming streaming;
    private final long offset;
    private final long length;

    DownloadStream(ICloudHttp.Streaming streaming, InputStream body, long offset, long length) {
        super(body);
        this.streaming = streaming;
        this.offset = offset;
        this.length = length;
    }

    public long offset() {
        return offset;
    }

    /** Bytes this stream will deliver, or -1 when the server did not say. */
    public long length() {
        return length;
    }

    /** Ends the download from another thread: a read blocked on the connection fails at once. */
    public void cut() {
        streaming.call().cancel();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            streaming.response().close();
        }
    }
}
