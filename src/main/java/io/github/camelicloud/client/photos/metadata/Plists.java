package io.github.camelicloud.client.photos.metadata;

import com.dd.plist.BinaryPropertyListParser;
import com.dd.plist.NSObject;
import com.dd.plist.XMLPropertyListParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a property list in the two formats Python's {@code plistlib.loads} accepts (icloudpd uses it):
 * binary ({@code bplist00}) and XML. Real {@code locationEnc} values come in both. Anything else, such as
 * the old ASCII format, is rejected as plistlib rejects it.
 */
final class Plists {

    private static final byte[] BINARY = "bplist00".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Plists() {
    }

    static NSObject parse(byte[] bytes) {
        try {
            if (startsWith(bytes, 0, BINARY)) {
                return BinaryPropertyListParser.parse(bytes);
            }
            int start = startsWith(bytes, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
            if (startsWith(bytes, start, "<?xml".getBytes(StandardCharsets.US_ASCII))
                    || startsWith(bytes, start, "<plist".getBytes(StandardCharsets.US_ASCII))) {
                return XMLPropertyListParser.parse(bytes);
            }
        } catch (Exception e) {
            // dd-plist reports bad input with several checked and unchecked types; all mean the same here
            throw new IllegalArgumentException("invalid property list: " + e, e);
        }
        throw new IllegalArgumentException("not a property list (neither binary nor XML)");
    }

    private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
        return bytes.length - from >= prefix.length
                && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
    }
}
