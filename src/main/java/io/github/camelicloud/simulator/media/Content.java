package io.github.camelicloud.simulator.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The bytes of a file that may be far larger than memory: a size known up front, and any slice written on
 * demand. Implementations are immutable and deterministic, so the same slice always gives the same bytes.
 */
public interface Content {

    long size();

    /** Writes bytes {@code [offset, offset + length)} to {@code out}. */
    void writeTo(OutputStream out, long offset, long length) throws IOException;

    default void writeTo(OutputStream out) throws IOException {
        writeTo(out, 0, size());
    }

    static Content of(byte[] bytes) {
        return new BytesContent(bytes);
    }

    /** {@code size} pseudo-random bytes, reproducible from {@code seed}. */
    static Content noise(long seed, long size) {
        return new NoiseContent(seed, 0, size);
    }

    static Content concat(List<Content> parts) {
        return parts.size() == 1 ? parts.get(0) : new ConcatContent(parts);
    }

    /** Rejects a slice outside {@code [0, size)}. */
    static void checkSlice(long offset, long length, long size) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " outside 0.." + size);
        }
    }
}
