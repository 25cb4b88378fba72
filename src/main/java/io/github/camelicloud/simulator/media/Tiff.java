package io.github.camelicloud.simulator.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A minimal TIFF/EXIF writer: IFD0 plus an Exif sub-IFD, the structure JPEG APP1, PNG eXIf, HEIF Exif items
 * and TIFF-based RAW files (CR2, DNG) share.
 */
final class Tiff {

    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int UNDEFINED = 7;
    private static final int EXIF_IFD_POINTER = 0x8769;

    record Entry(int tag, int type, int count, byte[] value) {
    }

    private final ByteOrder order;

    Tiff(ByteOrder order) {
        this.order = order;
    }

    Entry ascii(int tag, String text) {
        byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[chars.length + 1];
        System.arraycopy(chars, 0, value, 0, chars.length);
        return new Entry(tag, ASCII, value.length, value);
    }

    Entry shortValue(int tag, int number) {
        return new Entry(tag, SHORT, 1, ByteBuffer.allocate(2).order(order).putShort((short) number).array());
    }

    Entry longValue(int tag, long number) {
        return new Entry(tag, LONG, 1, ByteBuffer.allocate(4).order(order).putInt((int) number).array());
    }

    Entry bytes(int tag, int type, byte[] value) {
        return new Entry(tag, type, value.length, value.clone());
    }

    /** The standard entries for a capture: IFD0 (make, model, orientation, DateTime) and the Exif IFD dates. */
    byte[] forCapture(Capture capture, byte[] headerExtra, List<Entry> moreIfd0) {
        List<Entry> ifd0 = new ArrayList<>(moreIfd0);
        if (capture.make() != null) {
            ifd0.add(ascii(0x010F, capture.make()));
        }
        if (capture.model() != null) {
            ifd0.add(ascii(0x0110, capture.model()));
        }
        ifd0.add(shortValue(0x0112, 1));
        ifd0.add(ascii(0x0131, "camel-icloud simulator"));
        ifd0.add(ascii(0x0132, capture.exifDateTime()));
        List<Entry> exif = List.of(bytes(0x9000, UNDEFINED, "0232".getBytes(StandardCharsets.US_ASCII)),
                ascii(0x9003, capture.exifDateTime()), ascii(0x9004, capture.exifDateTime()),
                ascii(0x9010, capture.exifOffset()), ascii(0x9011, capture.exifOffset()),
                ascii(0x9012, capture.exifOffset()), ascii(0x9291, capture.subSeconds()));
        return write(headerExtra, ifd0, exif);
    }

    /**
     * @param headerExtra bytes between the 8-byte TIFF header and IFD0 (CR2 puts its own 8 there)
     */
    byte[] write(byte[] headerExtra, List<Entry> ifd0Entries, List<Entry> exifEntries) {
        int ifd0Offset = 8 + headerExtra.length;
        List<Entry> ifd0 = new ArrayList<>(ifd0Entries);
        int ifd0Size = ifdSize(ifd0.size() + 1) + dataSize(ifd0);
        int exifOffset = even(ifd0Offset + ifd0Size);
        ifd0.add(longValue(EXIF_IFD_POINTER, exifOffset));
        List<Entry> exif = new ArrayList<>(exifEntries);
        ifd0.sort(Comparator.comparingInt(Entry::tag));
        exif.sort(Comparator.comparingInt(Entry::tag));
        ByteBuffer out = ByteBuffer.allocate(exifOffset + ifdSize(exif.size()) + dataSize(exif)).order(order);
        out.put(0, (byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I'));
        out.put(1, (byte) (order == ByteOrder.BIG_ENDIAN ? 'M' : 'I'));
        out.putShort(2, (short) 42);
        out.putInt(4, ifd0Offset);
        out.put(8, headerExtra);
        writeIfd(out, ifd0Offset, ifd0);
        writeIfd(out, exifOffset, exif);
        return out.array();
    }

    private static void writeIfd(ByteBuffer out, int offset, List<Entry> entries) {
        out.putShort(offset, (short) entries.size());
        int data = offset + ifdSize(entries.size());
        int position = offset + 2;
        for (Entry entry : entries) {
            out.putShort(position, (short) entry.tag());
            out.putShort(position + 2, (short) entry.type());
            out.putInt(position + 4, entry.count());
            if (entry.value().length <= 4) {
                out.put(position + 8, entry.value());
            } else {
                out.putInt(position + 8, data);
                out.put(data, entry.value());
                data += even(entry.value().length);
            }
            position += 12;
        }
        out.putInt(position, 0);
    }

    private static int ifdSize(int count) {
        return 2 + 12 * count + 4;
    }

    private static int dataSize(List<Entry> entries) {
        return entries.stream().mapToInt(e -> e.value().length > 4 ? even(e.value().length) : 0).sum();
    }

    private static int even(int n) {
        return (n + 1) & ~1;
    }
}
