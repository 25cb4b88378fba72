package io.github.camelicloud.simulator.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A decodable JPEG: ImageIO encodes a small picture, an APP1 Exif segment carries the capture date (right
 * after JFIF's APP0, where every reader looks), and COM segments of noise bring it to the exact size.
 */
final class JpegMedia {

    /** A COM segment: marker, 2 length bytes, at most 65533 payload bytes. */
    private static final int MAX_SEGMENT = 2 + 65535;
    private static final int MIN_SEGMENT = 4;

    private JpegMedia() {
    }

    static Content build(MediaSpec spec) {
        byte[] app1 = app1(spec.capture(), 0);
        for (int[] dims : new int[][] {{spec.width(), spec.height()}, {16, 16}}) {
            if (dims[0] < 1 || dims[1] < 1) {
                continue;
            }
            byte[] encoded = encode(Pictures.landscape(dims[0], dims[1], spec.seed()));
            long gap = spec.size() - encoded.length - app1.length;
            if (gap >= 0) {
                return assemble(spec, encoded, gap);
            }
        }
        return null;
    }

    static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static Content assemble(MediaSpec spec, byte[] encoded, long gap) {
        // A gap too small for a COM segment is absorbed by the Exif segment (readers ignore its tail).
        byte[] app1 = app1(spec.capture(), gap < MIN_SEGMENT ? (int) gap : 0);
        int headEnd = 2;
        if ((encoded[2] & 0xFF) == 0xFF && (encoded[3] & 0xFF) == 0xE0) {
            headEnd = 4 + (((encoded[4] & 0xFF) << 8) | (encoded[5] & 0xFF));
        }
        List<Content> parts = new ArrayList<>();
        parts.add(Content.of(Arrays.copyOfRange(encoded, 0, headEnd)));
        parts.add(Content.of(app1));
        if (gap >= MIN_SEGMENT) {
            parts.addAll(comSegments(spec.seed(), gap));
        }
        parts.add(Content.of(Arrays.copyOfRange(encoded, headEnd, encoded.length)));
        return Content.concat(parts);
    }

    /** {@code FF E1 len "Exif\0\0" TIFF}, optionally followed by {@code tail} zero bytes. */
    private static byte[] app1(Capture capture, int tail) {
        byte[] tiff = new Tiff(ByteOrder.BIG_ENDIAN).forCapture(capture, new byte[0], List.of());
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + header.length + tiff.length + tail;
        byte[] segment = new byte[2 + length];
        segment[0] = (byte) 0xFF;
        segment[1] = (byte) 0xE1;
        segment[2] = (byte) (length >> 8);
        segment[3] = (byte) length;
        System.arraycopy(header, 0, segment, 4, header.length);
        System.arraycopy(tiff, 0, segment, 4 + header.length, tiff.length);
        return segment;
    }

    /** COM segments totalling exactly {@code gap} bytes (>= 4), their payload one continuous noise stream. */
    private static List<Content> comSegments(long seed, long gap) {
        long count = (gap + MAX_SEGMENT - 1) / MAX_SEGMENT;
        long last = gap - (count - 1) * MAX_SEGMENT;
        List<Content> parts = new ArrayList<>();
        long noise = 0;
        for (long i = 0; i < count; i++) {
            long length = MAX_SEGMENT;
            if (last < MIN_SEGMENT && i == count - 2) {
                length -= MIN_SEGMENT - last;
            } else if (i == count - 1) {
                length = Math.max(last, MIN_SEGMENT);
            }
            int field = (int) (length - 2);
            parts.add(Content.of(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (field >> 8), (byte) field}));
            parts.add(new NoiseContent(seed, noise, length - 4));
            noise += length - 4;
        }
        return parts;
    }
}
