package io.github.camelicloud.client.photos;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.Response;

/**
 * The bytes of one version, straight from the connection (never buffered whole). {@link #offset()} is
 * where the stream really starts: the requested offset, or 0 when the server ignored the range.
 * Closing it releases the connection.
 */
public final class DownloadStream extends FilterInputStream {

    private final Response response;
    private final long offset;
    private final long length;

    DownloadStream(Response response, InputStream body, long offset, long length) {
        super(body);
        this.response = response;
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

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            response.close();
        }
    }
}
