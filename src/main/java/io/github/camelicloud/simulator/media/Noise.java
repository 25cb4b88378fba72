package io.github.camelicloud.simulator.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Counter-based pseudo-random bytes: block {@code i} of a stream depends only on (seed, i), so any offset
 * of a multi-gigabyte file is produced without generating what comes before it. SplitMix64 throughout:
 * fast (several GB/s) and specified, so the bytes never change between JDKs.
 */
public final class Noise {

    /** Bytes per block; also the write buffer size of the content host. */
    public static final int BLOCK = 64 * 1024;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Noise() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Combines values into one seed, order-sensitive. */
    public static long seed(long... parts) {
        long h = 0x6A09E667F3BCC908L;
        for (long part : parts) {
            h = mix(h ^ mix(part + GOLDEN));
        }
        return h;
    }

    /** Fills {@code buffer} (length {@link #BLOCK}) with block {@code index} of stream {@code seed}. */
    static void fill(long seed, long index, byte[] buffer) {
        ByteBuffer out = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        long state = mix(seed ^ mix(index * GOLDEN + 1));
        for (int i = 0; i < BLOCK; i += Long.BYTES) {
            state += GOLDEN;
            out.putLong(i, mix(state));
        }
    }
}
