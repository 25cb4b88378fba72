package io.github.camelicloud.sync.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, big-endian reader over the payload of an ISO-BMFF box held in memory (a HEIF {@code meta} box, a movie's
 * {@code moov}). Every read is checked: running past the end is an {@link IOException} naming the box, never an
 * unchecked exception, and counts read from the file are checked against the bytes left before anything is built
 * from them.
 */
final class BoxData {

    /** A child box: its type and its payload (after the 8- or 16-byte header). */
    record Child(String type, BoxData payload, int start, int end) {
    }

    private final ByteBuffer buffer;
    private final String box;

    BoxData(byte[] bytes, int offset, int length, String box) {
        this.buffer = ByteBuffer.wrap(bytes, offset, length).slice();
        this.box = box;
    }

    private BoxData(ByteBuffer buffer, String box) {
        this.buffer = buffer;
        this.box = box;
    }

    String box() {
        return box;
    }

    int remaining() {
        return buffer.remaining();
    }

    int u8() throws IOException {
        need(1);
        return buffer.get() & 0xFF;
    }

    int u16() throws IOException {
        need(2);
        return buffer.getShort() & 0xFFFF;
    }

    long u32() throws IOException {
        need(4);
        return buffer.getInt() & 0xFFFFFFFFL;
    }

    /** An unsigned value of 0, 4 or 8 bytes (iloc's field sizes); 8-byte values past 2^63 are refused. */
    long uN(int size) throws IOException {
        switch (size) {
            case 0:
                return 0;
            case 4:
                return u32();
            case 8:
                need(8);
                long v = buffer.getLong();
                if (v < 0) {
                    throw damaged("a 64-bit value past 2^63");
                }
                return v;
            default:
                throw damaged("a field size of " + size + " bytes");
        }
    }

    String fourCc() throws IOException {
        need(4);
        byte[] b = new byte[4];
        buffer.get(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A NUL-terminated UTF-8 string; a missing NUL at the very end is tolerated (some writers leave it out). */
    String cString() throws IOException {
        int start = buffer.position();
        int end = start;
        while (end < buffer.limit() && buffer.get(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - start];
        buffer.get(b);
        if (buffer.hasRemaining()) {
            buffer.get(); // the NUL
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    void skip(int n) throws IOException {
        need(n);
        buffer.position(buffer.position() + n);
    }

    byte[] bytes(int n) throws IOException {
        need(n);
        byte[] b = new byte[n];
        buffer.get(b);
        return b;
    }

    /** The whole payload, as a copy, wherever the reader is. */
    byte[] peekAll() {
        byte[] b = new byte[buffer.limit()];
        buffer.duplicate().position(0).get(b);
        return b;
    }

    /**
     * Checks that {@code count} records of at least {@code minimumSize} bytes each can fit in what is left, so that a
     * hostile count (2^32 items) fails here rather than in a loop or an allocation.
     */
    void requireRoom(long count, int minimumSize, String what) throws IOException {
        if (count < 0 || count * Math.max(1, minimumSize) > buffer.remaining()) {
            throw damaged(count + " " + what + " cannot fit in " + buffer.remaining() + " bytes");
        }
    }

    /** The child boxes filling the rest of this payload. */
    List<Child> children() throws IOException {
        List<Child> children = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int start = buffer.position();
            long size = u32();
            String type = fourCc();
            int header = 8;
            if (size == 1) {
                need(8);
                size = buffer.getLong();
                header = 16;
            } else if (size == 0) {
                size = buffer.limit() - start; // to the end of the parent
            }
            if (size < header || size > buffer.limit() - start) {
                throw damaged("its box '" + printable(type) + "' has size " + size + " with " + (buffer.limit() - start)
                        + " bytes left");
            }
            int end = start + (int) size;
            ByteBuffer payload = buffer.duplicate();
            payload.position(start + header).limit(end);
            children.add(new Child(type, new BoxData(payload.slice(), type), start, end));
            buffer.position(end);
        }
        return children;
    }

    IOException damaged(String what) {
        return new IOException("damaged '" + printable(box) + "' box: " + what);
    }

    private void need(int n) throws IOException {
        if (n < 0 || buffer.remaining() < n) {
            throw damaged("it ends " + (n - buffer.remaining()) + " bytes early");
        }
    }

    static String printable(String type) {
        StringBuilder out = new StringBuilder();
        for (char c : type.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}
