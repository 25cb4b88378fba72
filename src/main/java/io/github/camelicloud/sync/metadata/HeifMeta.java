package io.github.camelicloud.sync.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HEIF file's {@code meta} box, parsed as far as adding metadata items needs: the handler ({@code pict}), the
 * primary item ({@code pitm}), the item infos ({@code iinf}/{@code infe}), the locations ({@code iloc}) and the
 * references ({@code iref}). Every other child ({@code iprp}, {@code idat}, {@code dinf}, {@code grpl}, ...) is kept
 * byte for byte, in its place. References are read as a list, never followed, so a loop in them is harmless.
 */
final class HeifMeta {

    static final String EXIF = "Exif";
    static final String MIME = "mime";
    static final String XMP_CONTENT_TYPE = "application/rdf+xml";

    /** An item's {@code infe}: kept as read ({@code raw}), with what this class needs from it. */
    record ItemInfo(long id, String type, String contentType, byte[] raw) {
    }

    /** One reference of an {@code iref}: {@code from} refers to {@code to} with the given type. */
    record Reference(String type, long from, List<Long> to) {
    }

    private final byte[] fullBoxHeader;
    private final List<BoxData.Child> children;
    private final long primary;
    private final int iinfVersion;
    private final Map<Long, ItemInfo> infos;
    private final ItemLocations locations;
    private final int irefVersion;
    private final List<Reference> references;

    private HeifMeta(byte[] fullBoxHeader, List<BoxData.Child> children, long primary, int iinfVersion,
            Map<Long, ItemInfo> infos, ItemLocations locations, int irefVersion, List<Reference> references) {
        this.fullBoxHeader = fullBoxHeader;
        this.children = children;
        this.primary = primary;
        this.iinfVersion = iinfVersion;
        this.infos = infos;
        this.locations = locations;
        this.irefVersion = irefVersion;
        this.references = references;
    }

    /** @param payload the {@code meta} box's payload, full-box header included */
    static HeifMeta parse(BoxData payload) throws IOException {
        byte[] header = payload.bytes(4);
        if (header[0] != 0) {
            throw payload.damaged("unknown version " + header[0]);
        }
        List<BoxData.Child> children = payload.children();
        BoxData hdlr = only(children, "hdlr", payload);
        hdlr.skip(8);
        String handler = hdlr.fourCc();
        if (!handler.equals("pict")) {
            throw new IOException("not a HEIF picture: its meta box's handler is '" + BoxData.printable(handler) + "'");
        }
        BoxData pitm = only(children, "pitm", payload);
        int pitmVersion = pitm.u8();
        pitm.skip(3);
        long primary = pitmVersion == 0 ? pitm.u16() : pitm.u32();
        BoxData iinf = only(children, "iinf", payload);
        int iinfVersion = iinf.u8();
        iinf.skip(3);
        long count = iinfVersion == 0 ? iinf.u16() : iinf.u32();
        iinf.requireRoom(count, 12, "item infos");
        Map<Long, ItemInfo> infos = new LinkedHashMap<>();
        List<BoxData.Child> entries = iinf.children();
        if (entries.size() != count) {
            throw iinf.damaged("it counts " + count + " items and holds " + entries.size() + " boxes");
        }
        for (BoxData.Child entry : entries) {
            if (!entry.type().equals("infe")) {
                throw iinf.damaged("it holds a '" + BoxData.printable(entry.type()) + "' box");
            }
            ItemInfo info = itemInfo(entry);
            if (infos.put(info.id(), info) != null) {
                throw iinf.damaged("item " + info.id() + " is described twice");
            }
        }
        if (!infos.containsKey(primary)) {
            throw payload.damaged("its primary item " + primary + " is not described");
        }
        ItemLocations locations = ItemLocations.parse(only(children, "iloc", payload));
        int irefVersion = 0;
        List<Reference> references = new ArrayList<>();
        BoxData iref = optional(children, "iref", payload);
        if (iref != null) {
            irefVersion = iref.u8();
            iref.skip(3);
            if (irefVersion > 1) {
                throw iref.damaged("unknown version " + irefVersion);
            }
            for (BoxData.Child r : iref.children()) {
                references.add(reference(r.type(), r.payload(), irefVersion));
            }
        }
        return new HeifMeta(header, children, primary, iinfVersion, infos, locations, irefVersion, references);
    }

    long primary() {
        return primary;
    }

    /** The {@code idat} box's payload (construction method 1 items), empty when there is none. */
    byte[] idat() {
        return children.stream().filter(c -> c.type().equals("idat")).findFirst().map(c -> c.payload().peekAll())
                .orElse(new byte[0]);
    }

    Map<Long, ItemInfo> infos() {
        return infos;
    }

    ItemLocations locations() {
        return locations;
    }

    List<Reference> references() {
        return references;
    }

    /**
     * The first item of this type (and, for {@code mime}, content type) describing the primary item, else the first
     * describing no item at all. One describing another item (the XMP of an HDR gain map, a thumbnail's Exif) is not
     * the picture's and is left alone.
     */
    Optional<ItemInfo> metadataItem(String type, String contentType) {
        List<ItemInfo> candidates = infos.values().stream()
                .filter(i -> i.type().equals(type) && (contentType == null || contentType.equals(i.contentType())))
                .toList();
        return candidates.stream().filter(i -> describesPrimary(i.id())).findFirst()
                .or(() -> candidates.stream().filter(i -> !describesAny(i.id())).findFirst());
    }

    private boolean describesAny(long id) {
        return references.stream().anyMatch(r -> r.type().equals("cdsc") && r.from() == id);
    }

    boolean describesPrimary(long id) {
        return references.stream().anyMatch(r -> r.type().equals("cdsc") && r.from() == id && r.to().contains(primary));
    }

    /** The smallest item id not in use (16-bit first, so every box version can still carry it). */
    long freeId(long... taken) throws IOException {
        for (long id = 1; id <= 0xFFFF; id++) {
            final long candidate = id;
            if (!infos.containsKey(id) && locations.item(id) == null
                    && java.util.Arrays.stream(taken).noneMatch(t -> t == candidate)) {
                return id;
            }
        }
        throw new IOException("the HEIF has no free item id left");
    }

    /**
     * The new {@code meta} box, header included: the same children in the same order, with {@code newInfos} added to
     * {@code iinf}, {@code newReferences} to {@code iref} (one is added after {@code iloc} when there was none), and
     * {@code newLocations} in place of {@code iloc}.
     */
    byte[] toBox(List<ItemInfo> newInfos, List<Reference> newReferences, ItemLocations newLocations) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(fullBoxHeader);
        boolean irefWritten = false;
        for (BoxData.Child child : children) {
            switch (child.type()) {
                case "iinf" -> payload.writeBytes(iinf(newInfos));
                case "iloc" -> {
                    payload.writeBytes(newLocations.toBox());
                    if (references.isEmpty() && !newReferences.isEmpty() && !has("iref")) {
                        payload.writeBytes(iref(newReferences));
                        irefWritten = true;
                    }
                }
                case "iref" -> {
                    payload.writeBytes(iref(newReferences));
                    irefWritten = true;
                }
                default -> payload.writeBytes(box(child.type(), child.payload().peekAll()));
            }
        }
        if (!irefWritten && !newReferences.isEmpty()) {
            throw new IOException("no place for the item references");
        }
        return box("meta", payload.toByteArray());
    }

    /** A new {@code infe} (version 2, or 3 past 16-bit ids). */
    static ItemInfo newItemInfo(long id, String type, String contentType) throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        int version = id > 0xFFFF ? 3 : 2;
        p.writeBytes(new byte[] {(byte) version, 0, 0, 0});
        if (version == 2) {
            p.writeBytes(ByteBuffer.allocate(2).putShort((short) id).array());
        } else {
            p.writeBytes(ByteBuffer.allocate(4).putInt((int) id).array());
        }
        p.writeBytes(new byte[2]); // protection index
        p.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        p.write(0); // no name
        if (contentType != null) {
            p.writeBytes(contentType.getBytes(StandardCharsets.US_ASCII));
            p.write(0);
        }
        return new ItemInfo(id, type, contentType, box("infe", p.toByteArray()));
    }

    static byte[] box(String type, byte[] payload) throws IOException {
        long size = 8L + payload.length;
        if (size > Integer.MAX_VALUE) {
            throw new IOException("a '" + type + "' box of " + size + " bytes");
        }
        return ByteBuffer.allocate((int) size).putInt((int) size).put(type.getBytes(StandardCharsets.ISO_8859_1))
                .put(payload).array();
    }

    private byte[] iinf(List<ItemInfo> added) throws IOException {
        long count = infos.size() + added.size();
        int version = iinfVersion == 0 && count <= 0xFFFF ? 0 : 1;
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {(byte) version, 0, 0, 0});
        if (version == 0) {
            p.writeBytes(ByteBuffer.allocate(2).putShort((short) count).array());
        } else {
            p.writeBytes(ByteBuffer.allocate(4).putInt((int) count).array());
        }
        for (ItemInfo info : infos.values()) {
            p.writeBytes(info.raw());
        }
        for (ItemInfo info : added) {
            p.writeBytes(info.raw());
        }
        return box("iinf", p.toByteArray());
    }

    private byte[] iref(List<Reference> added) throws IOException {
        List<Reference> all = new ArrayList<>(references);
        all.addAll(added);
        boolean wide = irefVersion == 1 || all.stream().anyMatch(r -> r.from() > 0xFFFF
                || r.to().stream().anyMatch(t -> t > 0xFFFF));
        int idSize = wide ? 4 : 2;
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.writeBytes(new byte[] {(byte) (wide ? 1 : 0), 0, 0, 0});
        for (Reference r : all) {
            ByteBuffer b = ByteBuffer.allocate(idSize + 2 + idSize * r.to().size());
            putId(b, idSize, r.from());
            b.putShort((short) r.to().size());
            for (long to : r.to()) {
                putId(b, idSize, to);
            }
            p.writeBytes(box(r.type(), b.array()));
        }
        return box("iref", p.toByteArray());
    }

    private static void putId(ByteBuffer b, int size, long id) {
        if (size == 2) {
            b.putShort((short) id);
        } else {
            b.putInt((int) id);
        }
    }

    private boolean has(String type) {
        return children.stream().anyMatch(c -> c.type().equals(type));
    }

    private static ItemInfo itemInfo(BoxData.Child entry) throws IOException {
        BoxData infe = entry.payload();
        byte[] raw = box("infe", infe.peekAll());
        int version = infe.u8();
        infe.skip(3);
        if (version < 2) {
            // versions 0 and 1 have no item type: nothing this writer looks for
            long id = infe.u16();
            return new ItemInfo(id, "", null, raw);
        }
        long id = version == 2 ? infe.u16() : infe.u32();
        infe.skip(2); // protection index
        String type = infe.fourCc();
        infe.cString(); // name
        String contentType = type.equals(MIME) && infe.remaining() > 0 ? infe.cString() : null;
        return new ItemInfo(id, type, contentType, raw);
    }

    private static Reference reference(String type, BoxData r, int version) throws IOException {
        long from = version == 0 ? r.u16() : r.u32();
        int count = r.u16();
        int idSize = version == 0 ? 2 : 4;
        r.requireRoom(count, idSize, "references");
        List<Long> to = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            to.add(version == 0 ? (long) r.u16() : r.u32());
        }
        return new Reference(type, from, to);
    }

    private static BoxData only(List<BoxData.Child> children, String type, BoxData parent) throws IOException {
        BoxData found = optional(children, type, parent);
        if (found == null) {
            throw parent.damaged("it has no '" + type + "' box");
        }
        return found;
    }

    private static BoxData optional(List<BoxData.Child> children, String type, BoxData parent) throws IOException {
        BoxData found = null;
        for (BoxData.Child c : children) {
            if (c.type().equals(type)) {
                if (found != null) {
                    throw parent.damaged("it has two '" + type + "' boxes");
                }
                found = c.payload();
            }
        }
        return found;
    }
}
