package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.srp.Srp;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
}
