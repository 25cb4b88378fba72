package io.github.camelicloud.simulator.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A HEIF container that is NOT decodable as a picture (no HEVC encoder in the JDK): {@code ftyp heic}, a
 * {@code meta} box whose only item is the Exif block (so metadata readers find the capture date), and an
 * {@code mdat} with that Exif block followed by noise.
 */
final class HeicMedia {

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
        int metaLength = meta(0, 0).length;
        long mdatTotal = spec.size() - ftyp.length - metaLength;
        int mdatHeader = Boxes.mdatHeaderLength(mdatTotal);
        long noise = mdatTotal - mdatHeader - exifItem.length;
        if (noise < 0) {
            return null;
        }
        byte[] meta = meta(ftyp.length + metaLength + mdatHeader, exifItem.length);
        return Content.concat(List.of(Content.of(ftyp), Content.of(meta),
                Content.of(Boxes.mdatHeader(exifItem.length + noise)), Content.of(exifItem),
                Content.noise(spec.seed(), noise)));
    }

    private static byte[] meta(long exifOffset, int exifLength) {
        byte[] hdlr = Boxes.fullBox("hdlr", 0, 0, new byte[4], Boxes.fourCc("pict"), new byte[12], new byte[1]);
        byte[] infe = Boxes.fullBox("infe", 2, 0, ByteBuffer.allocate(4).putShort((short) 1).putShort((short) 0)
                .array(), Boxes.fourCc("Exif"), new byte[1]);
        byte[] iinf = Boxes.fullBox("iinf", 0, 0, ByteBuffer.allocate(2).putShort((short) 1).array(), infe);
        byte[] iloc = Boxes.fullBox("iloc", 0, 0, ByteBuffer.allocate(18).put((byte) 0x44).put((byte) 0)
                .putShort((short) 1).putShort((short) 1).putShort((short) 0).putShort((short) 1)
                .putInt((int) exifOffset).putInt(exifLength).array());
        return Boxes.fullBox("meta", 0, 0, hdlr, iinf, iloc);
    }
}
