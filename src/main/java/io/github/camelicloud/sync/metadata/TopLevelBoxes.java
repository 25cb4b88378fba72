package io.github.camelicloud.sync.metadata;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level boxes of an ISO-BMFF file, read from their headers only (the file may be GBs). Each must lie inside
 * the file; a size of 0 ("to the end of the file") is allowed for the last one only.
 */
final class TopLevelBoxes {

    /** More than any real HEIF has; a bound for a hostile file made of empty boxes. */
    private static final int MAX_BOXES = 100_000;

    /**
     * @param toEnd whether its header says size 0 (it runs to the end of the file)
     */
    record Box(String type, long offset, long size, int headerSize, boolean toEnd) {
        long end() {
            return offset + size;
        }
    }

    private TopLevelBoxes() {
    }

    static List<Box> read(FileChannel channel, long length) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long at = 0;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (at < length) {
            if (boxes.size() >= MAX_BOXES) {
                throw new IOException("damaged HEIF: more than " + MAX_BOXES + " top-level boxes");
            }
            if (length - at < 8) {
                throw new IOException("damaged HEIF: " + (length - at) + " stray bytes at its end (offset " + at + ")");
            }
            header.clear().limit(8);
            readFully(channel, header, at);
            long size = header.getInt(0) & 0xFFFFFFFFL;
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            int headerSize = 8;
            boolean toEnd = false;
            if (size == 1) {
                if (length - at < 16) {
                    throw new IOException("damaged HEIF: the box at offset " + at + " ends inside its header");
                }
                header.clear().limit(8);
                readFully(channel, header, at + 8);
                size = header.getLong(0);
                headerSize = 16;
            } else if (size == 0) {
                size = length - at;
                toEnd = true;
            }
            if (size < headerSize || size > length - at) {
                throw new IOException("damaged HEIF: its box '" + BoxData.printable(type) + "' at offset " + at
                        + " has size " + size + " but " + (length - at) + " bytes are left in the file");
            }
            boxes.add(new Box(type, at, size, headerSize, toEnd));
            at += size;
        }
        return boxes;
    }

    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("the file ended at offset " + at + " while reading it");
            }
            at += n;
        }
    }

    /** The bytes {@code [offset, offset + length)}, refused past {@code limit} (a bound on memory). */
    static byte[] read(FileChannel channel, long offset, long length, long limit, String what) throws IOException {
        if (length > limit) {
            throw new IOException("the HEIF's " + what + " is " + length + " bytes, more than the " + limit
                    + " this reads into memory");
        }
        ByteBuffer b = ByteBuffer.allocate((int) length);
        readFully(channel, b, offset);
        return b.array();
    }
}
