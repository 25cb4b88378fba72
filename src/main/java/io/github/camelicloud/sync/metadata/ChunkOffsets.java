package io.github.camelicloud.sync.metadata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The chunk offsets ({@code stco}, {@code co64}) of a {@code moov} box held in memory — a HEIF image sequence, or a
 * movie track in a HEIF file: they are absolute file offsets, so they move when a box before the media data changes
 * size. Patched in place (the box keeps its size); a 32-bit offset that would pass 4 GB is refused.
 */
final class ChunkOffsets {

    /** The boxes on the way from {@code moov} to the chunk offset tables. */
    private static final Set<String> CONTAINERS = Set.of("trak", "mdia", "minf", "stbl", "edts", "meco");

    /** moov/trak/mdia/minf/stbl is 4 deep; a hostile file could nest millions of boxes. */
    private static final int MAX_DEPTH = 16;

    private ChunkOffsets() {
    }

    /** Moves every chunk offset at or past {@code from} by {@code delta}, in {@code moov} (header included). */
    static void shift(byte[] moov, int headerSize, long from, long delta) throws IOException {
        visit(moov, headerSize, (entry, value) -> value >= from ? value + delta : value);
    }

    /** Whether a chunk offset lies in {@code [start, end)}. */
    static boolean anyWithin(byte[] moov, int headerSize, long start, long end) throws IOException {
        boolean[] found = {false};
        visit(moov, headerSize, (entry, value) -> {
            found[0] |= value >= start && value < end;
            return value;
        });
        return found[0];
    }

    @FunctionalInterface
    private interface Patch {
        long apply(int entry, long value);
    }

    private static void visit(byte[] moov, int headerSize, Patch patch) throws IOException {
        walk(moov, new BoxData(moov, headerSize, moov.length - headerSize, "moov"), headerSize, patch, 0);
    }

    /** @param base where {@code box}'s payload starts in {@code moov} */
    private static void walk(byte[] moov, BoxData box, int base, Patch patch, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw box.damaged("boxes nested more than " + MAX_DEPTH + " deep");
        }
        for (BoxData.Child child : box.children()) {
            int payloadStart = base + child.start() + (child.end() - child.start() - child.payload().remaining());
            if (CONTAINERS.contains(child.type())) {
                walk(moov, child.payload(), payloadStart, patch, depth + 1);
            } else if (child.type().equals("stco") || child.type().equals("co64")) {
                table(moov, child.payload(), payloadStart, child.type().equals("co64"), patch);
            }
        }
    }

    private static void table(byte[] moov, BoxData table, int payloadStart, boolean wide, Patch patch)
            throws IOException {
        table.skip(4);
        long count = table.u32();
        int entrySize = wide ? 8 : 4;
        table.requireRoom(count, entrySize, "chunk offsets");
        ByteBuffer b = ByteBuffer.wrap(moov);
        for (int i = 0; i < count; i++) {
            int at = payloadStart + 8 + i * entrySize;
            long value = wide ? b.getLong(at) : b.getInt(at) & 0xFFFFFFFFL;
            if (value < 0) {
                throw table.damaged("a chunk offset past 2^63");
            }
            long moved = patch.apply(i, value);
            if (moved == value) {
                continue;
            }
            if (wide) {
                b.putLong(at, moved);
            } else if (moved > 0xFFFFFFFFL || moved < 0) {
                throw new IOException("a 32-bit chunk offset (stco) of the HEIF's moov would pass 4 GB");
            } else {
                b.putInt(at, (int) moved);
            }
        }
    }
}
