package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.srp.Srp;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * Opaque change tokens shaped like Apple's ({@code AQAAAAAAAwmVf//////////...}, 33 bytes in base64): a
 * version byte, the change number, a filler and a per-scope hash, so equal state gives equal tokens.
 */
public final class SyncTokens {

    private SyncTokens() {
    }

    public static String token(String scope, long changeNumber) {
        byte[] hash = Srp.sha256(scope.getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.allocate(33);
        bytes.put((byte) 1).putLong(changeNumber).putLong(Long.MAX_VALUE).put(hash, 0, 16);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** The change number of a token made for {@code scope}; empty for garbage, truncation or another scope's token. */
    public static OptionalLong changeNumber(String token, String scope) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
        if (bytes.length != 33 || bytes[0] != 1) {
            return OptionalLong.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        long number = buffer.getLong();
        byte[] hash = Srp.sha256(scope.getBytes(StandardCharsets.UTF_8));
        if (buffer.getLong() != Long.MAX_VALUE || number < 0
                || !Arrays.equals(Arrays.copyOfRange(bytes, 17, 33), Arrays.copyOf(hash, 16))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(number);
    }
}
