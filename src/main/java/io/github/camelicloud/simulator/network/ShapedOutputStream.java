package io.github.camelicloud.simulator.network;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.LongAdder;

/**
 * A body on its way through the model: written on in chunks, each let through by the connection's bucket, then the
 * link's, counted, then written. Nothing is held back beyond one chunk.
 */
final class ShapedOutputStream extends FilterOutputStream {

    /** Small enough that concurrent connections interleave finely on the link. */
    static final int CHUNK = 16 * 1024;

    private final TokenBucket connection;
    private final TokenBucket link;
    private final LongAdder bytes;
    private final Runnable done;

    /**
     * @param connection the connection's cap, or null
     * @param link       the link's cap, or null
     * @param done       run when the body is closed (the connection was in use until then)
     */
    ShapedOutputStream(OutputStream out, TokenBucket connection, TokenBucket link, LongAdder bytes, Runnable done) {
        super(out);
        this.connection = connection;
        this.link = link;
        this.bytes = bytes;
        this.done = done;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            done.run();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = Math.min(CHUNK, length - done);
            try {
                if (connection != null) {
                    connection.take(n);
                }
                if (link != null) {
                    link.take(n);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("simulator stopping");
            }
            // Counted before the write: a client that has read every byte must find them all counted.
            bytes.add(n);
            out.write(data, offset + done, n);
            done += n;
        }
    }
}
