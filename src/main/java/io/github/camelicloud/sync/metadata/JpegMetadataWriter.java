package io.github.camelicloud.sync.metadata;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds metadata in a JPEG in one pass and without decoding it: the segments before the first scan (SOS) are
 * read, the EXIF ({@code APP1 Exif}: date, GPS) and XMP ({@code APP1} XMP packet: title, description, keywords,
 * rating, date, GPS) segments are replaced or added, and everything from SOS on — the compressed picture, and
 * any images and trailers after it — is copied byte for byte. Memory holds the header segments only.
 *
 * <p>EXIF goes through Commons Imaging's lossless TIFF writer, which keeps the existing directories (maker notes
 * included) at their offsets. A file with a Multi-Picture (MPF) segment — iPhone HDR gain maps — is refused when
 * a segment after MPF would change size, as MPF's offsets to the images after the scan would then be wrong.
 */
final class JpegMetadataWriter {

    private static final Logger LOG = LoggerFactory.getLogger(JpegMetadataWriter.class);
    private static final int SOI = 0xD8;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MPF = "MPF\0".getBytes(StandardCharsets.US_ASCII);
    /** A segment's length field counts itself: at most 65535 - 2 bytes of payload. */
    private static final int MAX_PAYLOAD = 0xFFFF - 2;
    /** More header than any camera writes (ICC profiles included); a bound on memory for hostile input. */
    private static final int MAX_HEADER = 16 << 20;

    private record Segment(int marker, byte[] payload) {
        boolean is(int appMarker, byte[] signature) {
            return marker == appMarker && payload.length >= signature.length
                    && Arrays.equals(payload, 0, signature.length, signature, 0, signature.length);
        }
    }

    private JpegMetadataWriter() {
    }

    /**
     * @throws IOException when the input is not a JPEG this can rewrite safely, or the metadata does not fit; the
     *                     output is then incomplete and must be discarded
     */
    static void rewrite(InputStream input, OutputStream out, EmbeddedMetadata m) throws IOException {
        DataInputStream in = new DataInputStream(input);
        if (in.readUnsignedByte() != 0xFF || in.readUnsignedByte() != SOI) {
            throw new IOException("not a JPEG (no start-of-image marker)");
        }
        List<Segment> segments = new ArrayList<>();
        int marker = readHeader(in, segments);
        List<Segment> updated = updated(segments, m);
        out.write(0xFF);
        out.write(SOI);
        for (Segment s : updated) {
            out.write(0xFF);
            out.write(s.marker);
            if (s.payload != null) {
                int length = s.payload.length + 2;
                out.write(length >> 8);
                out.write(length & 0xFF);
                out.write(s.payload);
            }
        }
        out.write(0xFF);
        out.write(marker);
        in.transferTo(out); // the scan and all after it, as it is
    }

    /** Reads the segments up to the first scan (or end of image); returns that marker. */
    private static int readHeader(DataInputStream in, List<Segment> segments) throws IOException {
        long total = 0;
        while (true) {
            if (in.readUnsignedByte() != 0xFF) {
                throw new IOException("not a valid JPEG (a segment does not start with a marker)");
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) { // fill bytes
                marker = in.readUnsignedByte();
            }
            if (marker == SOS || marker == EOI) {
                return marker;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) { // markers without a length
                segments.add(new Segment(marker, null));
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new IOException("not a valid JPEG (segment length " + length + ")");
            }
            total += length;
            if (total > MAX_HEADER) {
                throw new IOException("the JPEG's metadata segments exceed " + (MAX_HEADER >> 20) + " MiB");
            }
            byte[] payload = new byte[length - 2];
            try {
                in.readFully(payload);
            } catch (EOFException e) {
                throw new IOException("the JPEG ends inside a segment", e);
            }
            segments.add(new Segment(marker, payload));
        }
    }

    private static List<Segment> updated(List<Segment> segments, EmbeddedMetadata m) throws IOException {
        List<Segment> result = new ArrayList<>(segments);
        int exif = indexOf(result, APP1, EXIF);
        int mpf = indexOf(result, APP2, MPF);
        boolean exifChanges = ExifTiff.changes(m);
        if (exifChanges) {
            Segment segment = new Segment(APP1, concat(EXIF, exif(exif < 0 ? null : tiff(result.get(exif)), m)));
            if (exif < 0) {
                exif = afterJfif(result);
                result.add(exif, segment);
            } else {
                result.set(exif, segment);
            }
            refuseAfterMpf(exif, mpf);
        }
        int xmp = indexOf(result, APP1, XMP);
        byte[] existing = xmp < 0 ? null : Arrays.copyOfRange(result.get(xmp).payload, XMP.length,
                result.get(xmp).payload.length);
        byte[] packet = XmpPacket.merge(existing, m);
        if (XMP.length + packet.length > MAX_PAYLOAD) {
            LOG.warn("Title, description and keywords too long for the JPEG's XMP segment ({} bytes); they are left"
                    + " out of the file (an XMP sidecar carries them)", packet.length);
            packet = XmpPacket.merge(existing, m.withoutText());
            if (XMP.length + packet.length > MAX_PAYLOAD) {
                throw new IOException("the XMP does not fit in a JPEG segment (" + packet.length + " bytes)");
            }
        }
        Segment segment = new Segment(APP1, concat(XMP, packet));
        if (xmp < 0) {
            xmp = exif >= 0 ? indexOf(result, APP1, EXIF) + 1 : afterJfif(result);
            result.add(xmp, segment);
        } else {
            result.set(xmp, segment);
        }
        refuseAfterMpf(xmp, indexOf(result, APP2, MPF));
        return result;
    }

    private static void refuseAfterMpf(int changed, int mpf) throws IOException {
        if (mpf >= 0 && changed > mpf) {
            throw new IOException("the JPEG's metadata follows its Multi-Picture (MPF) segment; rewriting it would"
                    + " break the offsets of the images after the picture");
        }
    }

    private static byte[] tiff(Segment exif) {
        return Arrays.copyOfRange(exif.payload, EXIF.length, exif.payload.length);
    }

    /** The TIFF structure of the new EXIF segment: the old one with date and GPS replaced. */
    private static byte[] exif(byte[] old, EmbeddedMetadata m) throws IOException {
        byte[] tiff = ExifTiff.rewrite(old, m);
        if (EXIF.length + tiff.length > MAX_PAYLOAD) {
            throw new IOException("the EXIF does not fit in a JPEG segment (" + tiff.length + " bytes)");
        }
        return tiff;
    }

    private static int indexOf(List<Segment> segments, int marker, byte[] signature) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).is(marker, signature)) {
                return i;
            }
        }
        return -1;
    }

    /** EXIF's place: first, or right after a leading JFIF/JFXX APP0 (which must come first). */
    private static int afterJfif(List<Segment> segments) {
        int i = 0;
        while (i < segments.size() && segments.get(i).marker == APP0) {
            i++;
        }
        return i;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
