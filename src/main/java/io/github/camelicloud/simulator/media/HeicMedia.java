package io.github.camelicloud.simulator.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A minimal valid HEIF ({@code ftyp heic}) that libheif, exiftool and the --embed-metadata writer read as a real
 * photo: its primary item is a 64×64 HEVC picture (one fixed intra frame, encoded once by libheif's heif-enc — the
 * JDK has no HEVC encoder — and kept here as bytes), described by {@code hvcC} and {@code ispe} properties; a second
 * item is the Exif block with the capture date, linked to the picture by a {@code cdsc} reference. The {@code mdat}
 * holds the picture, the Exif block, then noise up to the asset's size. Deterministic: only the date and the noise's
 * seed vary.
 */
final class HeicMedia {

    /** The {@code hvcC} payload (HEVC Main Still Picture, 64×64, 8 bit 4:2:0). */
    private static final byte[] HVCC = HexFormat.of().parseHex("0103700000000000000000001ef000fcfdf8f800000f03200001"
            + "001840010c01ffff03700000030090000003000003001eba0240210001002b42010103700000030090000003000003001ea0"
            + "20810596ea4929ae6e04040c08000003000800000300084022000100074401c172b02240");
    /** The picture's coded data: one length-prefixed slice. */
    private static final byte[] PICTURE = HexFormat.of().parseHex("0000002d2801af1980f77dd543f9f5d384a31af8d85c87a1"
            + "2378bd57108e5661437cb2781a2a2021177df0e918ead81410");
    private static final int SIDE = 64;

    private HeicMedia() {
    }

    static Content build(MediaSpec spec) {
        byte[] ftyp = Boxes.box("ftyp", Boxes.fourCc("heic"), new byte[4], Boxes.fourCc("mif1", "heic"));
        byte[] tiff = new Tiff(ByteOrder.BIG_ENDIAN).forCapture(spec.capture(), new byte[0], List.of());
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes(ByteBuffer.allocate(4).putInt(6).array());
        exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.writeBytes(tiff);
        byte[] exifItem = exif.toByteArray();
        int metaLength = meta(0, 0, 0).length;
        long mdatTotal = spec.size() - ftyp.length - metaLength;
        int mdatHeader = Boxes.mdatHeaderLength(mdatTotal);
        long noise = mdatTotal - mdatHeader - PICTURE.length - exifItem.length;
        if (noise < 0) {
            return null;
        }
        long pictureOffset = ftyp.length + metaLength + mdatHeader;
        byte[] meta = meta(pictureOffset, pictureOffset + PICTURE.length, exifItem.length);
        return Content.concat(List.of(Content.of(ftyp), Content.of(meta),
                Content.of(Boxes.mdatHeader(PICTURE.length + exifItem.length + noise)), Content.of(PICTURE),
                Content.of(exifItem), Content.noise(spec.seed(), noise)));
    }

    /** Item 1 is the picture (primary), item 2 the Exif block; the same length whatever the offsets. */
    private static byte[] meta(long pictureOffset, long exifOffset, int exifLength) {
        byte[] hdlr = Boxes.fullBox("hdlr", 0, 0, new byte[4], Boxes.fourCc("pict"), new byte[12], new byte[1]);
        byte[] pitm = Boxes.fullBox("pitm", 0, 0, ByteBuffer.allocate(2).putShort((short) 1).array());
        byte[] iinf = Boxes.fullBox("iinf", 0, 0, ByteBuffer.allocate(2).putShort((short) 2).array(),
                infe(1, "hvc1"), infe(2, "Exif"));
        byte[] iloc = Boxes.fullBox("iloc", 0, 0, ByteBuffer.allocate(4 + 2 * 14).put((byte) 0x44).put((byte) 0)
                .putShort((short) 2)
                .putShort((short) 1).putShort((short) 0).putShort((short) 1).putInt((int) pictureOffset)
                .putInt(PICTURE.length)
                .putShort((short) 2).putShort((short) 0).putShort((short) 1).putInt((int) exifOffset)
                .putInt(exifLength).array());
        byte[] iref = Boxes.fullBox("iref", 0, 0, Boxes.box("cdsc", ByteBuffer.allocate(6).putShort((short) 2)
                .putShort((short) 1).putShort((short) 1).array()));
        byte[] ispe = Boxes.fullBox("ispe", 0, 0, ByteBuffer.allocate(8).putInt(SIDE).putInt(SIDE).array());
        byte[] ipco = Boxes.box("ipco", Boxes.box("hvcC", HVCC), ispe);
        // item 1: property 1 (hvcC, essential) and 2 (ispe)
        byte[] ipma = Boxes.fullBox("ipma", 0, 0, ByteBuffer.allocate(4 + 2 + 1 + 2).putInt(1).putShort((short) 1)
                .put((byte) 2).put((byte) 0x81).put((byte) 0x02).array());
        return Boxes.fullBox("meta", 0, 0, hdlr, pitm, iinf, iloc, iref, Boxes.box("iprp", ipco, ipma));
    }

    private static byte[] infe(int id, String type) {
        return Boxes.fullBox("infe", 2, 0, ByteBuffer.allocate(4).putShort((short) id).putShort((short) 0).array(),
                Boxes.fourCc(type), new byte[1]);
    }
}
