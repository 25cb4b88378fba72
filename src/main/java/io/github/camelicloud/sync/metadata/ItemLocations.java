package io.github.camelicloud.sync.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HEIF {@code iloc} box (ISO/IEC 14496-12 8.11.3), versions 0, 1 and 2: where each item's data is. Read, changed
 * (offsets shifted, items pointed at new data) and written back with field sizes large enough for the new values.
 * Items whose data is in the {@code idat} box (construction method 1), in other items (method 2) or in another file
 * (a data reference other than 0) are written back as they were.
 */
final class ItemLocations {

    /** Past this many extents (all items) the box is refused: a hostile file could list billions of empty ones. */
    private static final int MAX_EXTENTS = 1 << 20;

    record Extent(long index, long offset, long length) {
    }

    /**
     * @param method 0 file offsets, 1 {@code idat}, 2 item
     */
    record Item(long id, int method, int dataReference, long baseOffset, List<Extent> extents) {
        Item {
            extents = List.copyOf(extents);
        }

        /** Data in this file at absolute offsets. */
        boolean inFile() {
            return method == 0 && dataReference == 0;
        }
    }

    private final int version;
    private final int offsetSize;
    private final int lengthSize;
    private final int baseOffsetSize;
    private final int indexSize;
    private final Map<Long, Item> items;

    private ItemLocations(int version, int offsetSize, int lengthSize, int baseOffsetSize, int indexSize,
            Map<Long, Item> items) {
        this.version = version;
        this.offsetSize = offsetSize;
        this.lengthSize = lengthSize;
        this.baseOffsetSize = baseOffsetSize;
        this.indexSize = indexSize;
        this.items = items;
    }

    /** @param box the {@code iloc} payload, full-box header included */
    static ItemLocations parse(BoxData box) throws IOException {
        int version = box.u8();
        box.skip(3);
        if (version > 2) {
            throw box.damaged("unknown version " + version);
        }
        int sizes = box.u16();
        int offsetSize = sizes >> 12;
        int lengthSize = sizes >> 8 & 0xF;
        int baseOffsetSize = sizes >> 4 & 0xF;
        int indexSize = version == 0 ? 0 : sizes & 0xF;
        for (int size : new int[] {offsetSize, lengthSize, baseOffsetSize, indexSize}) {
            if (size != 0 && size != 4 && size != 8) {
                throw box.damaged("a field size of " + size + " bytes");
            }
        }
        long count = version < 2 ? box.u16() : box.u32();
        int idSize = version < 2 ? 2 : 4;
        int methodSize = version == 0 ? 0 : 2;
        box.requireRoom(count, idSize + methodSize + 2 + baseOffsetSize + 2, "item locations");
        Map<Long, Item> items = new LinkedHashMap<>();
        int extentsSeen = 0;
        for (long i = 0; i < count; i++) {
            long id = version < 2 ? box.u16() : box.u32();
            int method = version == 0 ? 0 : box.u16() & 0xF;
            int dataReference = box.u16();
            long base = box.uN(baseOffsetSize);
            int extentCount = box.u16();
            box.requireRoom(extentCount, indexSize + offsetSize + lengthSize, "extents");
            extentsSeen += extentCount;
            if (extentsSeen > MAX_EXTENTS) {
                throw box.damaged("more than " + MAX_EXTENTS + " extents");
            }
            List<Extent> extents = new ArrayList<>(extentCount);
            for (int e = 0; e < extentCount; e++) {
                long index = box.uN(indexSize);
                extents.add(new Extent(index, box.uN(offsetSize), box.uN(lengthSize)));
            }
            if (items.put(id, new Item(id, method, dataReference, base, extents)) != null) {
                throw box.damaged("item " + id + " has two locations");
            }
        }
        return new ItemLocations(version, offsetSize, lengthSize, baseOffsetSize, indexSize, items);
    }

    Map<Long, Item> items() {
        return items;
    }

    Item item(long id) {
        return items.get(id);
    }

    /**
     * The same locations with every in-file extent at or past {@code from} moved by {@code delta} bytes (the data
     * after a box that changed size). Base offsets move with them.
     */
    ItemLocations shifted(long from, long delta) {
        Map<Long, Item> moved = new LinkedHashMap<>();
        for (Item item : items.values()) {
            if (!item.inFile()) {
                moved.put(item.id(), item);
                continue;
            }
            long base = item.baseOffset() >= from ? item.baseOffset() + delta : item.baseOffset();
            List<Extent> extents = new ArrayList<>(item.extents().size());
            for (Extent e : item.extents()) {
                long absolute = item.baseOffset() + e.offset();
                long now = absolute >= from ? absolute + delta : absolute;
                extents.add(new Extent(e.index(), now - base, e.length()));
            }
            moved.put(item.id(), new Item(item.id(), 0, 0, base, extents));
        }
        return new ItemLocations(version, offsetSize, lengthSize, baseOffsetSize, indexSize, moved);
    }

    /** The same with {@code id}'s data at {@code offset} in this file (replacing where it was, or added). */
    ItemLocations with(long id, long offset, long length) {
        Map<Long, Item> changed = new LinkedHashMap<>(items);
        changed.put(id, new Item(id, 0, 0, 0, List.of(new Extent(0, offset, length))));
        return new ItemLocations(version, offsetSize, lengthSize, baseOffsetSize, indexSize, changed);
    }

    /** The whole box, header included, in the smallest version and field sizes (at least the original ones) that fit. */
    byte[] toBox() throws IOException {
        long maxOffset = 0;
        long maxLength = 0;
        long maxBase = 0;
        long maxId = 0;
        boolean methods = false;
        for (Item item : items.values()) {
            maxId = Math.max(maxId, item.id());
            maxBase = Math.max(maxBase, item.baseOffset());
            methods |= item.method() != 0;
            for (Extent e : item.extents()) {
                maxOffset = Math.max(maxOffset, e.offset());
                maxLength = Math.max(maxLength, e.length());
            }
        }
        int v = Math.max(version, methods || indexSize != 0 ? 1 : 0);
        if (maxId > 0xFFFF || items.size() > 0xFFFF) {
            v = 2;
        }
        int os = size(offsetSize, maxOffset);
        int ls = size(lengthSize, maxLength);
        int bs = size(baseOffsetSize, maxBase);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) v, 0, 0, 0});
        put(out, 2, os << 12 | ls << 8 | bs << 4 | (v == 0 ? 0 : indexSize));
        put(out, v < 2 ? 2 : 4, items.size());
        for (Item item : items.values()) {
            put(out, v < 2 ? 2 : 4, item.id());
            if (v > 0) {
                put(out, 2, item.method());
            }
            put(out, 2, item.dataReference());
            put(out, bs, item.baseOffset());
            put(out, 2, item.extents().size());
            for (Extent e : item.extents()) {
                if (v > 0) {
                    put(out, indexSize, e.index());
                }
                put(out, os, e.offset());
                put(out, ls, e.length());
            }
        }
        return HeifMeta.box("iloc", out.toByteArray());
    }

    private static int size(int original, long max) {
        if (max > 0xFFFFFFFFL) {
            return 8;
        }
        return max > 0 ? Math.max(original, 4) : original;
    }

    private static void put(ByteArrayOutputStream out, int size, long value) {
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
