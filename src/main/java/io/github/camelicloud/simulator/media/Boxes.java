package io.github.camelicloud.simulator.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** ISO-BMFF (QuickTime, MP4, HEIF) box helpers. */
final class Boxes {

    private Boxes() {
    }

    static byte[] box(String type, byte[]... children) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (byte[] child : children) {
            payload.writeBytes(child);
        }
        return ByteBuffer.allocate(8 + payload.size()).putInt(8 + payload.size())
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(payload.toByteArray()).array();
    }

    /** A full box: version and flags before the payload. */
    static byte[] fullBox(String type, int version, int flags, byte[]... children) {
        byte[][] all = new byte[children.length + 1][];
        all[0] = ByteBuffer.allocate(4).putInt((version << 24) | (flags & 0xFFFFFF)).array();
        System.arraycopy(children, 0, all, 1, children.length);
        return box(type, all);
    }

    static byte[] fourCc(String... codes) {
        ByteBuffer out = ByteBuffer.allocate(4 * codes.length);
        for (String code : codes) {
            out.put(code.getBytes(StandardCharsets.US_ASCII));
        }
        return out.array();
    }

    /** The header of an {@code mdat} box holding {@code payload} bytes; 64-bit size past 4 GB. */
    static byte[] mdatHeader(long payload) {
        if (payload + 8 <= 0xFFFFFFFFL) {
            return ByteBuffer.allocate(8).putInt((int) (payload + 8)).put(fourCc("mdat")).array();
        }
        return ByteBuffer.allocate(16).putInt(1).put(fourCc("mdat")).putLong(payload + 16).array();
    }

    static int mdatHeaderLength(long total) {
        return total <= 0xFFFFFFFFL ? 8 : 16;
    }
}
