package io.github.camelicloud.simulator.library;

import java.util.Objects;

/**
 * A master's {@code filenameEnc}: the name as given (never normalised, so NFD names stay NFD) and how it is
 * encoded on the wire. Assets without a name carry no FileName at all.
 *
 * @param encoding ENCRYPTED_BYTES (base64 of UTF-8, the usual case) or STRING (seen on a few real records)
 */
public record FileName(String name, Encoding encoding) {

    public enum Encoding {
        ENCRYPTED_BYTES, STRING
    }

    public FileName {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
    }

    public static FileName encrypted(String name) {
        return new FileName(name, Encoding.ENCRYPTED_BYTES);
    }
}
