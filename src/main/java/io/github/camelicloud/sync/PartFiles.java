package io.github.camelicloud.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * icloudpd's partial downloads: {@code <base32 of the version's checksum>.part} next to where the file goes, so
 * a run that was killed leaves bytes the next one can resume from (a file of another version never matches).
 */
public final class PartFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PartFiles.class);
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private PartFiles() {
    }

    /** The part file's path for a file at {@code relativePath} (same folder), as icloudpd names it. */
    public static String relativePart(String relativePath, String checksum) {
        int slash = relativePath.lastIndexOf('/');
        return (slash < 0 ? "" : relativePath.substring(0, slash + 1)) + name(checksum);
    }

    /** {@code base32(base64decode(checksum)).part}; a checksum that is not base64 is encoded as its text. */
    static String name(String checksum) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(checksum);
        } catch (IllegalArgumentException e) {
            bytes = checksum.getBytes(StandardCharsets.UTF_8);
        }
        return base32(bytes) + ".part";
    }

    /**
     * Where a download into {@code part} starts: its size when it holds fewer bytes than the version, else 0 (a
     * part as large as the version or larger is not trusted and removed).
     */
    public static long resumeFrom(Path part, long size) {
        try {
            if (!Files.isRegularFile(part)) {
                return 0;
            }
            long have = Files.size(part);
            if (have < size) {
                return have;
            }
            LOG.debug("{} holds {} bytes, the file has {}: downloading it again", part.getFileName(), have, size);
            Files.delete(part);
        } catch (IOException e) {
            LOG.warn("Cannot use the partial download {}: {}", part, e.getMessage());
        }
        return 0;
    }

    /** RFC 4648 base32 with padding, as Python's base64.b32encode. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length + 4) / 5 * 8);
        for (int i = 0; i < bytes.length; i += 5) {
            int n = Math.min(5, bytes.length - i);
            long block = 0;
            for (int j = 0; j < 5; j++) {
                block = (block << 8) | (j < n ? bytes[i + j] & 0xff : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int j = 0; j < 8; j++) {
                out.append(j < chars ? BASE32[(int) (block >>> (35 - 5 * j)) & 31] : '=');
            }
        }
        return out.toString();
    }
}
