package io.github.camelicloud.client.photos.metadata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decodes the base64 of an {@code ENCRYPTED_BYTES} field the way Python's {@code base64.b64decode} does
 * (icloudpd decodes them with it): characters outside the alphabet are skipped, padding is required,
 * and anything after the first complete padding is ignored. Malformed input is an
 * {@link IllegalArgumentException}.
 */
final class EncryptedBytes {

    private EncryptedBytes() {
    }

    static byte[] decode(String base64) {
        StringBuilder data = new StringBuilder(base64.length());
        int padding = 0;
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
            if (c == '=') {
                padding++;
                if (data.length() % 4 == 0 || data.length() % 4 + padding >= 4) {
                    break;
                }
            } else if (padding == 0 && isAlphabet(c)) {
                data.append(c);
            }
        }
        int rest = data.length() % 4;
        if (rest == 1) {
            throw new IllegalArgumentException("invalid base64: " + data.length() + " data characters");
        }
        if (rest != 0 && rest + padding < 4) {
            throw new IllegalArgumentException("invalid base64: incorrect padding");
        }
        return Base64.getDecoder().decode(data.append("==", 0, rest == 0 ? 0 : 4 - rest).toString());
    }

    /** Strict UTF-8, as Python's {@code bytes.decode("utf-8")}. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("invalid UTF-8", e);
        }
    }

    private static boolean isAlphabet(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }
}
