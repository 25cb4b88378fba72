package io.github.camelicloud.simulator.faults;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes the first {@code limit} bytes through, then stops the writer with {@link Cut}. */
final class CutOutputStream extends FilterOutputStream {

    /** Thrown once the limit is reached. */
    static final class Cut extends IOException {
        Cut() {
            super("cut");
        }
    }

    private long remaining;

    CutOutputStream(OutputStream out, long limit) {
        super(out);
        this.remaining = limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (remaining <= 0) {
            throw new Cut();
        }
        out.write(b);
        remaining--;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int n = (int) Math.min(length, remaining);
        out.write(bytes, offset, n);
        remaining -= n;
        if (n < length) {
            throw new Cut();
        }
    }

    @Override
    public void close() {
        // the underlying stream belongs to the server
    }
}
