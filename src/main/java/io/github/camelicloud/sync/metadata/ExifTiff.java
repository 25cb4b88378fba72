package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.sync.metadata.EmbeddedMetadata.Position;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.common.RationalNumber;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.GpsTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.AbstractTiffImageWriter;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossless;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * The EXIF block (a TIFF structure) that {@code --embed-metadata} writes, in a JPEG's {@code APP1 Exif} segment or a
 * HEIF's {@code Exif} item: the file's own block with the capture date ({@code DateTimeOriginal}, {@code CreateDate},
 * {@code OffsetTime*}) and GPS replaced, or a new block with only those. The existing directories (maker notes
 * included) stay at their offsets (Commons Imaging's lossless writer).
 */
final class ExifTiff {

    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss", Locale.ROOT);
    private static final TagInfoAscii OFFSET_TIME_ORIGINAL = new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7,
            TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);
    private static final TagInfoAscii OFFSET_TIME_DIGITIZED = new TagInfoAscii("OffsetTimeDigitized", 0x9012, 7,
            TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    /** Tags whose values are offsets in the block: ExifIFD, GPS, interoperability, thumbnail, strips, tiles. */
    private static final Set<Integer> POINTERS = Set.of(0x8769, 0x8825, 0xA005, 0x0201, 0x0111, 0x0144);

    private ExifTiff() {
    }

    /** Whether {@link #rewrite} has anything to write for {@code m}. */
    static boolean changes(EmbeddedMetadata m) {
        return m.created().isPresent() || m.position().isPresent();
    }

    /**
     * @param old the file's TIFF structure, or null for none
     * @throws IOException when the old block cannot be read or the new one written
     */
    static byte[] rewrite(byte[] old, EmbeddedMetadata m) throws IOException {
        TiffOutputSet set;
        try {
            if (old == null) {
                set = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
            } else {
                set = ((TiffImageMetadata) new TiffImageParser().getMetadata(ByteSource.array(old),
                        new TiffImagingParameters())).getOutputSet();
            }
            set.getOrCreateRootDirectory();
            if (m.created().isPresent()) {
                date(set.getOrCreateExifDirectory(), m.created().get());
            }
            if (m.position().isPresent()) {
                gps(set, m.position().get());
            }
            AbstractTiffImageWriter writer = old == null ? new TiffImageWriterLossy(set.byteOrder)
                    : new TiffImageWriterLossless(set.byteOrder, old);
            ByteArrayOutputStream tiff = new ByteArrayOutputStream();
            writer.write(tiff, set);
            // the lossless writer appends what it rewrites: a block already saying all this is kept as it is, so
            // that a rerun does not grow it
            return old != null && fields(old).equals(fields(tiff.toByteArray())) ? old : tiff.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot rewrite the EXIF: " + e.getMessage(), e);
        }
    }

    /** Every field with its value, offsets to other directories and data left out (they move on a rewrite). */
    private static List<String> fields(byte[] tiff) throws IOException {
        TiffImageMetadata metadata = (TiffImageMetadata) new TiffImageParser().getMetadata(ByteSource.array(tiff),
                new TiffImagingParameters());
        List<String> fields = new ArrayList<>();
        for (TiffField f : metadata.getAllFields()) {
            if (!POINTERS.contains(f.getTag())) {
                fields.add(f.getDirectoryType() + ":" + f.getTag() + ":" + f.getFieldType().getType() + ":"
                        + f.getCount() + ":" + HexFormat.of().formatHex(f.getByteArrayValue()));
            }
        }
        Collections.sort(fields);
        return fields;
    }

    private static void date(TiffOutputDirectory exif, OffsetDateTime created) throws IOException {
        String date = EXIF_DATE.format(created);
        String offset = created.getOffset().getId().equals("Z") ? "+00:00" : created.getOffset().getId().substring(0, 6);
        replace(exif, ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, date);
        replace(exif, ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, date);
        replace(exif, OFFSET_TIME_ORIGINAL, offset);
        replace(exif, OFFSET_TIME_DIGITIZED, offset);
    }

    private static void gps(TiffOutputSet set, Position p) throws IOException {
        TiffOutputDirectory gps = set.getOrCreateGpsDirectory();
        gps.removeField(GpsTagConstants.GPS_TAG_GPS_VERSION_ID);
        gps.add(GpsTagConstants.GPS_TAG_GPS_VERSION_ID, GpsTagConstants.gpsVersion());
        set.setGpsInDegrees(p.longitude(), p.latitude());
        gps.removeField(GpsTagConstants.GPS_TAG_GPS_ALTITUDE);
        gps.removeField(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF);
        if (p.altitude().isPresent()) {
            double altitude = p.altitude().get();
            gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE_REF, (byte) (altitude < 0 ? 1 : 0));
            gps.add(GpsTagConstants.GPS_TAG_GPS_ALTITUDE,
                    RationalNumber.valueOf(Math.round(Math.abs(altitude) * 1000) / 1000.0));
        }
    }

    private static void replace(TiffOutputDirectory directory, TagInfoAscii tag, String value) throws IOException {
        directory.removeField(tag);
        directory.add(tag, value);
    }
}
