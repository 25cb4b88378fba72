package io.github.camelicloud.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** JPEGs for the metadata tests: one as a camera writes it, and the part of one that metadata never touches. */
public final class Jpegs {

    private static final byte[] START_OF_SCAN = {(byte) 0xFF, (byte) 0xDA};

    private Jpegs() {
    }

    /** A 64×48 JPEG with a camera's EXIF (Make) and a JFIF header, as cameras and phones write them; same pixels. */
    public static Path camera(Path file) throws IOException, ImagingException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", plain);
        TiffOutputSet set = new TiffOutputSet();
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Apple");
        try (OutputStream out = Files.newOutputStream(file)) {
            new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, set);
        }
        return file;
    }

    /** From the first start-of-scan marker to the end: the compressed picture, which writing metadata never changes. */
    public static byte[] fromStartOfScan(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (Arrays.equals(jpeg, i, i + 2, START_OF_SCAN, 0, 2)) {
                return Arrays.copyOfRange(jpeg, i, jpeg.length);
            }
        }
        throw new AssertionError("no start of scan in a JPEG of " + jpeg.length + " bytes");
    }
}
