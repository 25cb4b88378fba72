package io.github.camelicloud.simulator.media;

import java.io.IOException;
import java.io.OutputStream;

/** Content held in memory: headers and other small pieces. */
final class BytesContent implements Content {

    private final byte[] bytes;

    BytesContent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void writeTo(OutputStream out, long offset, long length) throws IOException {
        Content.checkSlice(offset, length, bytes.length);
        out.write(bytes, (int) offset, (int) length);
    }
}
