package io.github.camelicloud.simulator.media;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A TIFF-based RAW file (CR2 with Canon's 8 extra header bytes, DNG with DNGVersion, others plain TIFF):
 * IFD0 and Exif dates, then noise standing in for the sensor data. Readers get the date, not a picture.
 */
final class RawMedia {

    private RawMedia() {
    }

    static Content build(MediaSpec spec) {
        Tiff tiff = new Tiff(ByteOrder.LITTLE_ENDIAN);
        byte[] header;
        if (spec.fileType().equals("com.canon.cr2-raw-image")) {
            // "CR", major 2, minor 0, then the RAW IFD offset (none here).
            byte[] cr = "CR".getBytes(StandardCharsets.US_ASCII);
            header = tiff.forCapture(spec.capture(), new byte[] {cr[0], cr[1], 2, 0, 0, 0, 0, 0},
                    List.of(tiff.longValue(0x0100, spec.width()), tiff.longValue(0x0101, spec.height())));
        } else {
            header = tiff.forCapture(spec.capture(), new byte[0], List.of(tiff.longValue(0x00FE, 0),
                    tiff.longValue(0x0100, spec.width()), tiff.longValue(0x0101, spec.height()),
                    tiff.bytes(0xC612, Tiff.BYTE, new byte[] {1, 4, 0, 0})));
        }
        long noise = spec.size() - header.length;
        if (noise < 0) {
            return null;
        }
        return Content.concat(List.of(Content.of(header), Content.noise(spec.seed(), noise)));
    }
}
