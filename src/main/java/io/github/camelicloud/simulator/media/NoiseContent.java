package io.github.camelicloud.simulator.media;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A window {@code [start, start + size)} of the endless noise stream {@code seed}. Writing any slice costs
 * only the blocks it touches, with one reused 64 KB buffer per thread.
 */
final class NoiseContent implements Content {

    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[Noise.BLOCK]);

    private final long seed;
    private final long start;
    private final long size;

    NoiseContent(long seed, long start, long size) {
        if (start < 0 || size < 0) {
            throw new IllegalArgumentException("negative noise window");
        }
        this.seed = seed;
        this.start = start;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out, long offset, long length) throws IOException {
        Content.checkSlice(offset, length, size);
        byte[] buffer = BUFFER.get();
        long position = start + offset;
        long end = position + length;
        while (position < end) {
            long block = position / Noise.BLOCK;
            int from = (int) (position % Noise.BLOCK);
            int count = (int) Math.min(Noise.BLOCK - from, end - position);
            Noise.fill(seed, block, buffer);
            out.write(buffer, from, count);
            position += count;
        }
    }
}
