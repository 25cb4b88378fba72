package io.github.camelicloud.sync.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffDirectory;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --set-exif-datetime}: reads and writes the EXIF capture date of a JPEG. Writes what icloudpd
 * writes (through piexif): DateTimeOriginal and DateTimeDigitized in the EXIF directory and, only when the
 * file has a thumbnail directory (IFD1), DateTime there. The rest of the EXIF and the image data are kept
 * as they are (lossless rewrite), the file is replaced atomically and keeps its modification time.
 * Not final, so that tests can stand in one that fails (icloudpd's EXIF-error scenarios). A given file must
 * be written from one thread at a time.
 */
public class ExifDateTime {

    private static final Logger LOG = LoggerFactory.getLogger(ExifDateTime.class);
    /** EXIF's own format, colons in the date too. */
    private static final DateTimeFormatter EXIF_FORMAT = DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss");

    /** DateTimeOriginal, when the file has a well-formed one. */
    public Optional<LocalDateTime> read(Path jpeg) throws IOException {
        requireJpeg(jpeg);
        TiffImageMetadata exif = exif(ByteSource.path(jpeg), jpeg);
        TiffDirectory directory = exif == null ? null : exif.findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_EXIF);
        if (directory == null) {
            return Optional.empty();
        }
        String value;
        try {
            TiffField field = directory.findField(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
            if (field == null) {
                return Optional.empty();
            }
            value = field.getStringValue();
        } catch (ImagingException | RuntimeException e) {
            throw invalid(jpeg, e);
        }
        try {
            return Optional.of(LocalDateTime.parse(value.replace("\0", "").strip(), EXIF_FORMAT));
        } catch (DateTimeParseException e) {
            LOG.debug("EXIF DateTimeOriginal of {} is not a date: '{}'", jpeg, value);
            return Optional.empty();
        }
    }

    /**
     * Sets the capture date, replacing any there was. Seconds precision; the value is local wall time
     * (EXIF dates have no zone).
     *
     * @throws IOException when the file is not a JPEG, its data is invalid, or it cannot be replaced; the
     *                     file is then unchanged
     */
    public void setDateTimeOriginal(Path jpeg, LocalDateTime value) throws IOException {
        if (value.getYear() < 1 || value.getYear() > 9999) {
            throw new IllegalArgumentException("EXIF dates have four-digit years: " + value);
        }
        String date = EXIF_FORMAT.format(value);
        FileTime modified = Files.getLastModifiedTime(jpeg);
        requireJpeg(jpeg);
        byte[] original = Files.readAllBytes(jpeg);
        byte[] updated = rewrite(original, jpeg, changes(original, jpeg, date));
        AtomicFiles.replace(jpeg, out -> out.write(updated), Optional.of(modified));
    }

    /** In memory first, so that bad image data and a failing disk are told apart. */
    private static byte[] rewrite(byte[] original, Path jpeg, TiffOutputSet changes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 1024);
        try {
            new ExifRewriter().updateExifMetadataLossless(original, out, changes);
        } catch (IOException | RuntimeException e) {
            throw invalid(jpeg, e);
        }
        return out.toByteArray();
    }

    private static TiffOutputSet changes(byte[] original, Path jpeg, String date) throws IOException {
        TiffImageMetadata exif = exif(ByteSource.array(original), jpeg);
        try {
            TiffOutputSet set = exif == null ? new TiffOutputSet() : exif.getOutputSet();
            TiffOutputDirectory exifDirectory = set.getOrCreateExifDirectory();
            replace(exifDirectory, ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, date);
            replace(exifDirectory, ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, date);
            // piexif's "1st" is IFD1, the thumbnail's, written only when there is one. Commons Imaging numbers
            // the IFD chain, so IFD1 is DIR_1 (its DIRECTORY_TYPE_THUMBNAIL constant is 2, the wrong one)
            TiffOutputDirectory thumbnail = set.findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_DIR_1);
            if (thumbnail != null) {
                replace(thumbnail, TiffTagConstants.TIFF_TAG_DATE_TIME, date);
            }
            return set;
        } catch (IOException | RuntimeException e) {
            throw invalid(jpeg, e);
        }
    }

    private static void replace(TiffOutputDirectory directory, TagInfoAscii tag, String value) throws ImagingException {
        directory.removeField(tag);
        directory.add(tag, value);
    }

    /** The EXIF of a JPEG, or null when it has none. */
    private static TiffImageMetadata exif(ByteSource source, Path jpeg) throws IOException {
        try {
            return new JpegImageParser().getExifMetadata(source, new TiffImagingParameters());
        } catch (IOException | RuntimeException e) {
            throw invalid(jpeg, e);
        }
    }

    /** Same check as piexif: a JPEG starts with SOI (FF D8). Saves parsing a PNG or a video. */
    private static void requireJpeg(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(3);
        }
        if (head.length < 3 || (head[0] & 0xFF) != 0xFF || (head[1] & 0xFF) != 0xD8 || (head[2] & 0xFF) != 0xFF) {
            throw new IOException("Invalid image data: " + file + " is not a JPEG file");
        }
    }

    private static IOException invalid(Path jpeg, Exception cause) {
        return new IOException("Invalid image data in " + jpeg + ": " + cause.getMessage(), cause);
    }
}
