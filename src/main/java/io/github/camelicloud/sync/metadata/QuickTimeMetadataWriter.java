package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.sync.metadata.EmbeddedMetadata.Position;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Embeds metadata in a QuickTime movie or an MP4 in one pass, without touching a sample: the {@code moov} box
 * gets a {@code udta} with an XMP packet ({@code XMP_}: title, description, keywords, rating, date, GPS) and the
 * location as QuickTime's {@code ©xyz} (ISO 6709), and every other box is copied byte for byte.
 *
 * <p>The sample tables point at media data by absolute file offset, so no byte before the media may move. A
 * {@code moov} that is the last box is rewritten in place; any other is turned into a {@code free} box of the
 * same size and the new {@code moov} is appended at the end of the file (valid for every player; the file is no
 * longer "fast start"). Memory holds the {@code moov} only, which is bounded.
 */
final class QuickTimeMetadataWriter {

    /** A movie index this large (hours of video) is refused rather than held in memory. */
    private static final int MAX_MOOV = 64 << 20;
    /** Packed ISO 639-2 "eng", as Apple writes it for {@code ©xyz}. */
    private static final short ENGLISH = 0x15C7;
    private static final String XYZ = "\u00A9xyz";

    private QuickTimeMetadataWriter() {
    }

    /**
     * @param length the input's length in bytes (a box may run "to the end of the file")
     * @throws IOException when the input is not a movie this can rewrite safely; the output is then incomplete
     *                     and must be discarded
     */
    static void rewrite(InputStream input, long length, OutputStream out, EmbeddedMetadata m) throws IOException {
        DataInputStream in = new DataInputStream(input);
        long position = 0;
        byte[] appended = null;
        boolean rewritten = false;
        while (position < length) {
            if (length - position < 8) {
                throw new IOException("the movie ends inside a box header");
            }
            long size = Integer.toUnsignedLong(in.readInt());
            String type = fourCc(in.readInt());
            int headerLength = 8;
            if (size == 1) {
                size = in.readLong();
                headerLength = 16;
            } else if (size == 0) {
                size = length - position;
                if (size > 0xFFFF_FFFFL && !type.equals("moov")) {
                    throw new IOException("a box runs to the end of a file over 4 GiB; its size cannot be written");
                }
            }
            if (size < headerLength || size > length - position) {
                throw new IOException("not a valid movie (box '" + printable(type) + "' of size " + size + ")");
            }
            if (type.equals("moov")) {
                if (rewritten) {
                    throw new IOException("the movie has two 'moov' boxes");
                }
                if (size > MAX_MOOV) {
                    throw new IOException("the movie's index ('moov', " + size + " bytes) is too large to rewrite");
                }
                byte[] body = new byte[(int) size - headerLength];
                readFully(in, body);
                byte[] moov = box("moov", Boxes.rewriteMoov(body, udta -> udta(udta, m)));
                if (position + size == length) {
                    out.write(moov);
                } else {
                    writeFree(out, size, headerLength);
                    appended = moov;
                }
                rewritten = true;
            } else {
                writeHeader(out, size, type, headerLength);
                copy(in, out, size - headerLength);
            }
            position += size;
        }
        if (!rewritten) {
            throw new IOException("not a movie this can tag (no 'moov' box)");
        }
        if (appended != null) {
            out.write(appended);
        }
    }

    /** The new {@code udta} children: the old ones but ours, then XMP and the location. */
    private static List<byte[]> udta(List<Boxes.Box> old, EmbeddedMetadata m) throws IOException {
        byte[] existingXmp = null;
        List<byte[]> children = new ArrayList<>();
        for (Boxes.Box child : old) {
            if (child.type().equals("XMP_")) {
                existingXmp = child.body();
            } else if (!child.type().equals(XYZ)) {
                children.add(child.whole());
            }
        }
        children.add(box("XMP_", XmpPacket.merge(existingXmp, m)));
        m.position().ifPresent(p -> children.add(box(XYZ, text(iso6709(p)))));
        return children;
    }

    /** {@code +47.376887+008.541694+408.500/}: the iPhone's form, with the precision iCloud has (cm, not 11 m). */
    static String iso6709(Position p) {
        String xy = String.format(Locale.ROOT, "%+010.6f%+011.6f", p.latitude(), p.longitude());
        return xy + p.altitude().map(a -> String.format(Locale.ROOT, "%+.3f", a)).orElse("") + "/";
    }

    /** QuickTime international text: length, language, UTF-8. */
    private static byte[] text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + utf8.length).putShort((short) utf8.length).putShort(ENGLISH).put(utf8).array();
    }

    static byte[] box(String type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(body).array();
    }

    private static void writeHeader(OutputStream out, long size, String type, int headerLength) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(headerLength);
        if (headerLength == 16) {
            header.putInt(1).put(type.getBytes(StandardCharsets.ISO_8859_1)).putLong(size);
        } else {
            header.putInt((int) size).put(type.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(header.array());
    }

    /** A {@code free} box exactly as large as the {@code moov} it stands in for. */
    private static void writeFree(OutputStream out, long size, int headerLength) throws IOException {
        writeHeader(out, size, "free", headerLength);
        byte[] zeros = new byte[8192];
        for (long left = size - headerLength; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    private static void copy(InputStream in, OutputStream out, long count) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = count;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the movie is shorter than its boxes say");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void readFully(DataInputStream in, byte[] into) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new IOException("the movie is shorter than its boxes say", e);
        }
    }

    static String fourCc(int value) {
        return new String(ByteBuffer.allocate(4).putInt(value).array(), StandardCharsets.ISO_8859_1);
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "?";
    }

    /** Parses and rebuilds the {@code moov}'s box tree down to {@code udta}. */
    static final class Boxes {

        record Box(String type, byte[] whole, int headerLength) {
            byte[] body() {
                return Arrays.copyOfRange(whole, headerLength, whole.length);
            }
        }

        @FunctionalInterface
        interface UdtaRewrite {
            List<byte[]> apply(List<Box> children) throws IOException;
        }

        private Boxes() {
        }

        /** The new body of {@code moov}: its {@code udta} rewritten (or added at the end). */
        static byte[] rewriteMoov(byte[] moovBody, UdtaRewrite rewrite) throws IOException {
            List<Box> children = parse(moovBody, "moov");
            ByteArrayOutputStream out = new ByteArrayOutputStream(moovBody.length + 4096);
            boolean done = false;
            for (Box child : children) {
                if (child.type.equals("udta") && !done) {
                    out.write(udta(rewrite.apply(parse(child.body(), "udta"))));
                    done = true;
                } else {
                    out.write(child.whole);
                }
            }
            if (!done) {
                out.write(udta(rewrite.apply(List.of())));
            }
            return out.toByteArray();
        }

        private static byte[] udta(List<byte[]> children) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            children.forEach(body::writeBytes);
            return box("udta", body.toByteArray());
        }

        /**
         * The boxes of a container's body. QuickTime allows a {@code udta} to end in a 32-bit zero; fewer than 8
         * bytes of zeros at the end are dropped as such a terminator.
         */
        static List<Box> parse(byte[] body, String container) throws IOException {
            List<Box> boxes = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.wrap(body);
            while (buffer.remaining() >= 8) {
                int start = buffer.position();
                long size = Integer.toUnsignedLong(buffer.getInt());
                String type = fourCc(buffer.getInt());
                int headerLength = 8;
                if (size == 0 && container.equals("udta") && type.equals("\0\0\0\0")) {
                    return boxes; // terminator
                }
                if (size == 1) {
                    if (buffer.remaining() < 8) {
                        throw new IOException("bad box in '" + container + "'");
                    }
                    size = buffer.getLong();
                    headerLength = 16;
                } else if (size == 0) {
                    size = body.length - start;
                }
                if (size < headerLength || size > body.length - start) {
                    throw new IOException("not a valid movie (box '" + printable(type) + "' in '" + container
                            + "' of size " + size + ")");
                }
                boxes.add(new Box(type, Arrays.copyOfRange(body, start, start + (int) size), headerLength));
                buffer.position(start + (int) size);
            }
            for (int i = buffer.position(); i < body.length; i++) {
                if (body[i] != 0) {
                    throw new IOException("not a valid movie (stray bytes at the end of '" + container + "')");
                }
            }
            return boxes;
        }
    }
}
