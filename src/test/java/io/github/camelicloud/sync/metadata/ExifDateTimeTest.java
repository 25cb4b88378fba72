package io.github.camelicloud.sync.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.JpegImageData;
import org.apache.commons.imaging.formats.tiff.TiffDirectory;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JPEGs made with javax.imageio: the date goes in, reads back, and the picture still decodes. */
class ExifDateTimeTest {

    private static final LocalDateTime TAKEN = LocalDateTime.of(2018, 7, 31, 7, 22, 24);

    private final ExifDateTime exif = new ExifDateTime();

    @TempDir
    Path dir;

    @Test
    void aJpegWithoutExifHasNoDate() throws Exception {
        assertThat(exif.read(jpeg("plain.jpg"))).isEmpty();
    }

    @Test
    void setsTheDateAndKeepsThePicture() throws Exception {
        Path file = jpeg("IMG_7409.JPG");
        BufferedImage before = ImageIO.read(file.toFile());

        exif.setDateTimeOriginal(file, TAKEN);

        assertThat(exif.read(file)).contains(TAKEN);
        BufferedImage after = ImageIO.read(file.toFile());
        assertThat(after).as("still a decodable image").isNotNull();
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getRGB(5, 5)).isEqualTo(before.getRGB(5, 5));
        TiffDirectory exifDirectory = metadata(file).findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_EXIF);
        assertThat(exifDirectory.findField(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL).getStringValue())
                .isEqualTo("2018:07:31 07:22:24");
        assertThat(exifDirectory.findField(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED).getStringValue())
                .as("piexif's 36868, which icloudpd also sets").isEqualTo("2018:07:31 07:22:24");
        assertThat(metadata(file).findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_DIR_1))
                .as("no thumbnail, no IFD1, as with piexif").isNull();
    }

    @Test
    void replacesAnExistingDateAndKeepsOtherTags() throws Exception {
        Path file = jpeg("camera.jpg");
        TiffOutputSet set = new TiffOutputSet();
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Apple");
        set.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2020:01:01 00:00:00");
        rewrite(file, set);
        assertThat(exif.read(file)).contains(LocalDateTime.of(2020, 1, 1, 0, 0));

        exif.setDateTimeOriginal(file, LocalDateTime.of(2025, 12, 25, 18, 0, 0, 999_000_000));

        assertThat(exif.read(file)).contains(LocalDateTime.of(2025, 12, 25, 18, 0));
        assertThat(metadata(file).findField(TiffTagConstants.TIFF_TAG_MAKE).getStringValue()).isEqualTo("Apple");
        assertThat(ImageIO.read(file.toFile())).isNotNull();
    }

    @Test
    void withAThumbnailDirectoryItsDateTimeIsSetToo() throws Exception {
        Path file = jpeg("thumbnailed.jpg");
        byte[] thumbnail = Files.readAllBytes(jpeg("thumb.jpg"));
        TiffOutputSet set = new TiffOutputSet();
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Apple");
        TiffOutputDirectory ifd1 = new TiffOutputDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_DIR_1, set.byteOrder);
        ifd1.setJpegImageData(new JpegImageData(0, thumbnail.length, thumbnail));
        set.addDirectory(ifd1);
        rewrite(file, set);
        assertThat(metadata(file).findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_DIR_1)).isNotNull();

        exif.setDateTimeOriginal(file, TAKEN);

        TiffDirectory thumbnailDirectory = metadata(file).findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_DIR_1);
        assertThat(thumbnailDirectory.findField(TiffTagConstants.TIFF_TAG_DATE_TIME).getStringValue())
                .as("piexif's \"1st\"[306]").isEqualTo("2018:07:31 07:22:24");
        assertThat(thumbnailDirectory.hasJpegImageData()).isTrue();
        assertThat(metadata(file).findDirectory(TiffDirectoryConstants.DIRECTORY_TYPE_ROOT)
                .findField(TiffTagConstants.TIFF_TAG_DATE_TIME)).as("IFD0 is not touched").isNull();
        assertThat(exif.read(file)).contains(TAKEN);
        assertThat(ImageIO.read(file.toFile())).isNotNull();
    }

    @Test
    void rewritingAgainDoesNotGrowTheFile() throws Exception {
        Path file = jpeg("twice.jpg");
        exif.setDateTimeOriginal(file, TAKEN);
        long first = Files.size(file);

        exif.setDateTimeOriginal(file, TAKEN);
        exif.setDateTimeOriginal(file, TAKEN);

        assertThat(Files.size(file)).isLessThanOrEqualTo(first);
        assertThat(exif.read(file)).contains(TAKEN);
    }

    @Test
    void keepsTheModificationTimeAndLeavesNoTemporaryFile() throws Exception {
        Path file = jpeg("dated.jpg");
        FileTime created = FileTime.from(Instant.parse("2018-07-31T07:22:24Z"));
        Files.setLastModifiedTime(file, created);

        exif.setDateTimeOriginal(file, TAKEN);

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(created);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFileThatIsNotAJpegIsAClearErrorAndUntouched() throws Exception {
        Path png = dir.resolve("IMG_1.JPG");
        ImageIO.write(image(), "png", png.toFile());
        byte[] before = Files.readAllBytes(png);
        Path text = Files.writeString(dir.resolve("corrupt.jpg"), "not a jpeg");

        assertThatThrownBy(() -> exif.read(png)).isInstanceOf(IOException.class).hasMessageContaining("not a JPEG");
        assertThatThrownBy(() -> exif.setDateTimeOriginal(png, TAKEN)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a JPEG");
        assertThatThrownBy(() -> exif.read(text)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> exif.read(Files.write(dir.resolve("empty.jpg"), new byte[0])))
                .isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(png)).isEqualTo(before);
    }

    @Test
    void aCorruptJpegIsAClearErrorAndUntouched() throws Exception {
        byte[] corrupt = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x00, 0x40, 'E', 'x', 'i', 'f', 0, 0,
            'M', 'M', 0, 42, 0, 0, 0, 8, (byte) 0xFF, (byte) 0xFF, 1, 2, 3};
        Path file = Files.write(dir.resolve("broken.jpg"), corrupt);

        assertThatThrownBy(() -> exif.setDateTimeOriginal(file, TAKEN)).isInstanceOf(IOException.class)
                .hasMessageContaining("broken.jpg");
        assertThat(Files.readAllBytes(file)).isEqualTo(corrupt);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> exif.read(dir.resolve("gone.jpg"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> exif.setDateTimeOriginal(dir.resolve("gone.jpg"), TAKEN))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aDateThatIsNotADateReadsAsNone() throws Exception {
        Path file = jpeg("blank.jpg");
        TiffOutputSet set = new TiffOutputSet();
        set.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "    :  :     :  :  ");
        rewrite(file, set);

        assertThat(exif.read(file)).isEmpty();
    }

    private Path jpeg(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!ImageIO.write(image(), "jpg", file.toFile())) {
            throw new IOException("no JPEG writer");
        }
        return file;
    }

    private static BufferedImage image() {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, x < 16 ? 0x204080 : 0xC0A060);
            }
        }
        return image;
    }

    private static void rewrite(Path file, TiffOutputSet set) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(bytes, out, set);
        try (OutputStream o = Files.newOutputStream(file)) {
            out.writeTo(o);
        }
        assertThat(ImageIO.read(new ByteArrayInputStream(out.toByteArray()))).isNotNull();
    }

    private static TiffImageMetadata metadata(Path file) throws IOException {
        return new JpegImageParser().getExifMetadata(ByteSource.path(file), new TiffImagingParameters());
    }
}
