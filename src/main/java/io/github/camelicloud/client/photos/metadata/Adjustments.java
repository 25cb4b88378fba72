package io.github.camelicloud.client.photos.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the orientation out of {@code adjustmentSimpleDataEnc}. That field holds one of three formats,
 * told apart by the start of the base64 as icloudpd does: a binary plist ({@code YnBsaXN0MD}, "bplist0",
 * slow-motion ranges of videos), a CRDT ({@code Y3JkdA}, "crdt", drawings on photos), or else raw-deflate
 * JSON whose {@code metadata.orientation} is what we want. Only the JSON form carries an orientation.
 */
final class Adjustments {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Simple adjustments are a few hundred bytes; a cap keeps a hostile stream from filling memory. */
    private static final int MAX_INFLATED = 1 << 20;

    private Adjustments() {
    }

    static boolean isJson(String base64) {
        return !base64.startsWith("YnBsaXN0MD") && !base64.startsWith("Y3JkdA");
    }

    /** The orientation of the JSON form; empty when it has none. Malformed data is an exception. */
    static Optional<Integer> orientation(String base64) throws IOException {
        JsonNode orientation = JSON.readTree(inflateRaw(EncryptedBytes.decode(base64))).path("metadata").path("orientation");
        if (orientation.isMissingNode() || orientation.isNull()) {
            return Optional.empty();
        }
        if (!orientation.canConvertToExactIntegral() || !orientation.canConvertToInt()) {
            throw new IOException("orientation is not an integer: " + orientation.getNodeType());
        }
        return Optional.of(orientation.asInt());
    }

    /** zlib's raw deflate (no header, {@code wbits = -15}); a truncated stream is an error, as in Python. */
    private static byte[] inflateRaw(byte[] compressed) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated deflate stream");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IOException("inflated data larger than " + MAX_INFLATED + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("invalid deflate stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
