package io.github.camelicloud.simulator.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A decodable PNG: ImageIO's encoding plus an {@code eXIf} chunk (the capture date as EXIF) and a
 * {@code tEXt} "Creation Time" after IHDR, and private {@code paDd} chunks of noise before IEND for size.
 */
final class PngMedia {

    private static final int CHUNK_OVERHEAD = 12;
    private static final long MAX_PADDING_DATA = 1L << 30;
    /** Ancillary, private, safe-to-copy: every decoder skips it. */
    private static final byte[] PADDING_TYPE = "paDd".getBytes(StandardCharsets.US_ASCII);
    private static final int IHDR_END = 8 + CHUNK_OVERHEAD + 13;
    private static final int IEND_LENGTH = CHUNK_OVERHEAD;

    private PngMedia() {
    }

    static Content build(MediaSpec spec) {
        byte[] text = chunk("tEXt", ("Creation Time\0" + spec.capture().localDateTime() + spec.capture().exifOffset())
                .getBytes(StandardCharsets.ISO_8859_1));
        byte[] tiff = new Tiff(ByteOrder.BIG_ENDIAN).forCapture(spec.capture(), new byte[0], List.of());
        for (int[] dims : new int[][] {{spec.width(), spec.height()}, {16, 16}}) {
            if (dims[0] < 1 || dims[1] < 1) {
                continue;
            }
            byte[] png = encode(dims[0], dims[1], spec.seed());
            long gap = spec.size() - png.length - text.length - CHUNK_OVERHEAD - tiff.length;
            if (gap >= 0) {
                // A gap too small for a chunk of its own is absorbed by eXIf (readers ignore bytes after the IFDs).
                byte[] exif = chunk("eXIf", gap < CHUNK_OVERHEAD ? Arrays.copyOf(tiff, tiff.length + (int) gap) : tiff);
                List<Content> parts = new ArrayList<>();
                parts.add(Content.of(Arrays.copyOfRange(png, 0, IHDR_END)));
                parts.add(Content.of(exif));
                parts.add(Content.of(text));
                parts.add(Content.of(Arrays.copyOfRange(png, IHDR_END, png.length - IEND_LENGTH)));
                if (gap >= CHUNK_OVERHEAD) {
                    parts.addAll(padding(spec.seed(), gap));
                }
                parts.add(Content.of(Arrays.copyOfRange(png, png.length - IEND_LENGTH, png.length)));
                return Content.concat(parts);
            }
        }
        return null;
    }

    private static byte[] encode(int width, int height, long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageIO.write(Pictures.landscape(width, height, seed), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(CHUNK_OVERHEAD + data.length);
        out.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 4, 4 + data.length);
        out.putInt((int) crc.getValue());
        return out.array();
    }

    /** Padding chunks totalling exactly {@code gap} bytes (>= 12), each at most 1 GiB of noise. */
    private static List<Content> padding(long seed, long gap) {
        long maxChunk = MAX_PADDING_DATA + CHUNK_OVERHEAD;
        long count = (gap + maxChunk - 1) / maxChunk;
        long last = gap - (count - 1) * maxChunk;
        List<Content> parts = new ArrayList<>();
        long noise = 0;
        for (long i = 0; i < count; i++) {
            long length = maxChunk;
            if (last < CHUNK_OVERHEAD && i == count - 2) {
                length -= CHUNK_OVERHEAD - last;
            } else if (i == count - 1) {
                length = Math.max(last, CHUNK_OVERHEAD);
            }
            long dataLength = length - CHUNK_OVERHEAD;
            NoiseContent data = new NoiseContent(seed, noise, dataLength);
            noise += dataLength;
            parts.add(Content.of(ByteBuffer.allocate(8).putInt((int) dataLength).put(PADDING_TYPE).array()));
            parts.add(data);
            parts.add(Content.of(ByteBuffer.allocate(4).putInt((int) crc(data)).array()));
        }
        return parts;
    }

    private static long crc(Content data) {
        CRC32 crc = new CRC32();
        crc.update(PADDING_TYPE);
        try {
            data.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    crc.update(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    crc.update(bytes, offset, length);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crc.getValue();
    }
}
