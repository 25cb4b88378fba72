package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.sync.metadata.HeifMeta.ItemInfo;
import io.github.camelicloud.sync.metadata.HeifMeta.Reference;
import io.github.camelicloud.sync.metadata.ItemLocations.Extent;
import io.github.camelicloud.sync.metadata.ItemLocations.Item;
import io.github.camelicloud.sync.metadata.TopLevelBoxes.Box;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Embeds metadata in a HEIF/HEIC file without touching a byte of its pictures: the {@code meta} box gets an XMP item
 * ({@code mime}, {@code application/rdf+xml}) and an {@code Exif} item (date, GPS), each linked to the primary
 * picture by a {@code cdsc} reference; items the file already has are updated (their data merged, like the JPEG
 * writer does), not added again. Their data goes in an {@code mdat} appended at the end. Every other box is copied
 * as it is, except that file offsets pointing past the {@code meta} box — item locations ({@code iloc}) and a
 * {@code moov}'s chunk offsets — move by the change in its size.
 *
 * <p>A rerun finds its own items and its own last {@code mdat} (one holding those items' data and nothing else) and
 * replaces both,
 * so the file does not grow from run to run. Memory holds the {@code meta} box (at most 16 MiB), any {@code moov}
 * (64 MiB) and the Exif/XMP data (16 MiB); the rest is streamed.
 */
final class HeifMetadataWriter {

    private static final long MAX_META = 16 << 20;
    private static final long MAX_MOOV = 64 << 20;
    private static final long MAX_ITEM = 16 << 20;
    private static final byte[] EXIF_HEADER = {0, 0, 0, 6, 'E', 'x', 'i', 'f', 0, 0};
    private static final int COPY_BUFFER = 256 * 1024;

    private HeifMetadataWriter() {
    }

    /**
     * @throws IOException when the file is not a HEIF this can rewrite safely (damaged, hostile, or with a layout it
     *                     does not know); the output is then incomplete and must be discarded
     */
    static void rewrite(FileChannel in, long length, OutputStream out, EmbeddedMetadata m) throws IOException {
        List<Box> boxes = TopLevelBoxes.read(in, length);
        if (boxes.isEmpty() || !boxes.get(0).type().equals("ftyp")) {
            throw new IOException("not a HEIF file: it does not start with an 'ftyp' box");
        }
        if (boxes.stream().anyMatch(b -> b.type().equals("moof") || b.type().equals("mfra"))) {
            // movie fragments may hold absolute offsets (tfhd base data offset, mfra) this does not move
            throw new IOException("the HEIF is a fragmented sequence (moof), which this does not rewrite");
        }
        Box metaBox = single(boxes, "meta");
        byte[] metaBytes = TopLevelBoxes.read(in, metaBox.offset(), metaBox.size(), MAX_META, "meta box");
        HeifMeta meta = HeifMeta.parse(new BoxData(metaBytes, metaBox.headerSize(),
                metaBytes.length - metaBox.headerSize(), "meta"));
        checkLocations(meta.locations(), metaBox, length);
        Map<Box, byte[]> moovs = new HashMap<>();
        for (Box b : boxes) {
            if (b.type().equals("moov")) {
                moovs.put(b, TopLevelBoxes.read(in, b.offset(), b.size(), MAX_MOOV, "moov box"));
            }
        }

        Optional<ItemInfo> exifItem = meta.metadataItem(HeifMeta.EXIF, null);
        Optional<ItemInfo> xmpItem = meta.metadataItem(HeifMeta.MIME, HeifMeta.XMP_CONTENT_TYPE);
        byte[] exif = ExifTiff.changes(m) ? exif(exifItem.isEmpty() ? null : data(in, length, meta,
                exifItem.get().id(), "Exif"), m) : null;
        byte[] xmp = XmpPacket.merge(xmpItem.isEmpty() ? null : data(in, length, meta, xmpItem.get().id(), "XMP"), m);

        long exifId = exifItem.map(ItemInfo::id).orElse(exif == null ? 0 : meta.freeId());
        long xmpId = xmpItem.isPresent() ? xmpItem.get().id() : meta.freeId(exifId);
        List<ItemInfo> newInfos = new ArrayList<>();
        List<Reference> newReferences = new ArrayList<>();
        if (exif != null) {
            if (exifItem.isEmpty()) {
                newInfos.add(HeifMeta.newItemInfo(exifId, HeifMeta.EXIF, null));
            }
            if (!meta.describesPrimary(exifId)) {
                newReferences.add(new Reference("cdsc", exifId, List.of(meta.primary())));
            }
        }
        if (xmpItem.isEmpty()) {
            newInfos.add(HeifMeta.newItemInfo(xmpId, HeifMeta.MIME, HeifMeta.XMP_CONTENT_TYPE));
        }
        if (!meta.describesPrimary(xmpId)) {
            newReferences.add(new Reference("cdsc", xmpId, List.of(meta.primary())));
        }

        Set<Long> replaced = exif == null ? Set.of(xmpId) : Set.of(exifId, xmpId);
        Box last = boxes.get(boxes.size() - 1);
        boolean dropLast = last.type().equals("mdat") && last != metaBox
                && filledByOnly(meta.locations(), replaced, last, length) && noChunkWithin(moovs, last);
        long keptEnd = dropLast ? last.offset() : length;
        long payload = (exif == null ? 0 : exif.length) + xmp.length;
        int mdatHeader = payload + 8 <= 0xFFFFFFFFL ? 8 : 16;

        byte[] newMeta = null;
        long delta = 0;
        for (int attempt = 0; attempt < 4 && newMeta == null; attempt++) {
            long at = keptEnd + delta + mdatHeader;
            ItemLocations locations = meta.locations().shifted(metaBox.end(), delta);
            if (exif != null) {
                locations = locations.with(exifId, at, exif.length);
                at += exif.length;
            }
            locations = locations.with(xmpId, at, xmp.length);
            byte[] candidate = meta.toBox(newInfos, newReferences, locations);
            long candidateDelta = candidate.length - metaBox.size();
            if (candidateDelta == delta) {
                newMeta = candidate;
            }
            delta = candidateDelta;
        }
        if (newMeta == null) {
            throw new IOException("the HEIF's new meta box does not settle on a size");
        }
        for (Map.Entry<Box, byte[]> moov : moovs.entrySet()) {
            ChunkOffsets.shift(moov.getValue(), moov.getKey().headerSize(), metaBox.end(), delta);
        }

        for (Box b : boxes) {
            if (dropLast && b == last) {
                continue;
            }
            if (b == metaBox) {
                out.write(newMeta);
            } else if (moovs.containsKey(b)) {
                out.write(sized(moovs.get(b), b));
            } else if (b.toEnd()) {
                out.write(sized(TopLevelBoxes.read(in, b.offset(), b.headerSize(), 16, "header"), b));
                copy(in, b.offset() + b.headerSize(), b.size() - b.headerSize(), out);
            } else {
                copy(in, b.offset(), b.size(), out);
            }
        }
        ByteBuffer header = ByteBuffer.allocate(mdatHeader);
        if (mdatHeader == 8) {
            header.putInt((int) (payload + 8)).put("mdat".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            header.putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).putLong(payload + 16);
        }
        out.write(header.array());
        if (exif != null) {
            out.write(exif);
        }
        out.write(xmp);
    }

    /** The Exif item's data: its own header (offset, {@code Exif\0\0}) kept, the TIFF structure rewritten. */
    private static byte[] exif(byte[] old, EmbeddedMetadata m) throws IOException {
        byte[] prefix = EXIF_HEADER;
        byte[] tiff = null;
        if (old != null) {
            if (old.length < 4) {
                throw new IOException("damaged HEIF: its Exif item has " + old.length + " bytes");
            }
            long offset = ByteBuffer.wrap(old).getInt() & 0xFFFFFFFFL;
            if (offset > old.length - 4) {
                throw new IOException("damaged HEIF: its Exif item's TIFF header offset " + offset + " is past its end");
            }
            prefix = Arrays.copyOf(old, 4 + (int) offset);
            tiff = Arrays.copyOfRange(old, 4 + (int) offset, old.length);
        }
        byte[] rewritten = ExifTiff.rewrite(tiff, m);
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + rewritten.length);
        out.writeBytes(prefix);
        out.writeBytes(rewritten);
        return out.toByteArray();
    }

    /** An item's data (Exif, XMP), from the file or the {@code idat} box. */
    private static byte[] data(FileChannel in, long length, HeifMeta meta, long id, String what) throws IOException {
        Item item = meta.locations().item(id);
        if (item == null) {
            throw new IOException("damaged HEIF: its " + what + " item " + id + " has no location");
        }
        if (item.method() == 1) {
            byte[] idat = meta.idat();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Extent e : item.extents()) {
                long start = item.baseOffset() + e.offset();
                long size = e.length() == 0 ? idat.length - start : e.length();
                if (start < 0 || size < 0 || start + size > idat.length || out.size() + size > MAX_ITEM) {
                    throw new IOException("damaged HEIF: its " + what + " item lies outside the idat box");
                }
                out.write(idat, (int) start, (int) size);
            }
            return out.toByteArray();
        }
        if (!item.inFile()) {
            throw new IOException("the HEIF's " + what + " item is stored in another item or file; it is left alone");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Extent e : item.extents()) {
            long start = item.baseOffset() + e.offset();
            long size = e.length() == 0 ? length - start : e.length();
            if (out.size() + size > MAX_ITEM) {
                throw new IOException("the HEIF's " + what + " item is larger than " + MAX_ITEM + " bytes");
            }
            out.writeBytes(TopLevelBoxes.read(in, start, size, MAX_ITEM, what + " item"));
        }
        return out.toByteArray();
    }

    /** Every in-file extent must lie in the file and outside the meta box, whose bytes are replaced. */
    private static void checkLocations(ItemLocations locations, Box metaBox, long length) throws IOException {
        for (Item item : locations.items().values()) {
            if (!item.inFile()) {
                continue;
            }
            for (Extent e : item.extents()) {
                long start = item.baseOffset() + e.offset();
                long end = e.length() == 0 ? length : start + e.length();
                if (start < 0 || end < start || end > length) {
                    throw new IOException("damaged HEIF: the data of item " + item.id() + " (" + start + ".." + end
                            + ") lies past the end of the file (" + length + " bytes)");
                }
                if (start < metaBox.end() && end > metaBox.offset()) {
                    throw new IOException("the HEIF keeps the data of item " + item.id() + " inside its meta box,"
                            + " which this does not rewrite");
                }
            }
        }
    }

    /**
     * Whether {@code box}'s payload is exactly the data of the given items (an earlier run's {@code mdat}): they fill it
     * and no other item points into it. An {@code mdat} with anything else in it, referenced or not, is kept.
     */
    private static boolean filledByOnly(ItemLocations locations, Set<Long> ours, Box box, long length) {
        long payloadStart = box.offset() + box.headerSize();
        long covered = 0;
        for (Item item : locations.items().values()) {
            if (!item.inFile()) {
                continue;
            }
            for (Extent e : item.extents()) {
                long start = item.baseOffset() + e.offset();
                long end = e.length() == 0 ? length : start + e.length();
                boolean overlaps = start < box.end() && end > box.offset();
                if (!overlaps) {
                    continue;
                }
                if (!ours.contains(item.id()) || start < payloadStart || end > box.end()) {
                    return false;
                }
                covered += end - start;
            }
        }
        return covered == box.end() - payloadStart;
    }

    private static boolean noChunkWithin(Map<Box, byte[]> moovs, Box box) throws IOException {
        for (Map.Entry<Box, byte[]> moov : moovs.entrySet()) {
            if (ChunkOffsets.anyWithin(moov.getValue(), moov.getKey().headerSize(), box.offset(), box.end())) {
                return false;
            }
        }
        return true;
    }

    /** A box's header with its real size when it said "to the end of the file" (something now follows it). */
    private static byte[] sized(byte[] headerOrBox, Box b) throws IOException {
        if (!b.toEnd()) {
            return headerOrBox;
        }
        if (b.size() > 0xFFFFFFFFL) {
            throw new IOException("the HEIF's last box '" + BoxData.printable(b.type()) + "' has no size and is"
                    + " larger than 4 GB");
        }
        ByteBuffer.wrap(headerOrBox).putInt(0, (int) b.size());
        return headerOrBox;
    }

    private static Box single(List<Box> boxes, String type) throws IOException {
        List<Box> found = boxes.stream().filter(b -> b.type().equals(type)).toList();
        if (found.isEmpty()) {
            throw new IOException("the HEIF file has no '" + type + "' box");
        }
        if (found.size() > 1) {
            throw new IOException("damaged HEIF: it has " + found.size() + " '" + type + "' boxes");
        }
        return found.get(0);
    }

    private static void copy(FileChannel in, long offset, long size, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(COPY_BUFFER, Math.max(1, size)));
        long at = offset;
        long left = size;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), left));
            TopLevelBoxes.readFully(in, buffer, at);
            out.write(buffer.array(), 0, buffer.position());
            at += buffer.position();
            left -= buffer.position();
        }
    }
}
