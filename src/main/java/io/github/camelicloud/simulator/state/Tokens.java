package io.github.camelicloud.simulator.state;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Random opaque values: session tokens, trust tokens, scnt, ids. Unguessable so tests cannot lean on them. */
public final class Tokens {

    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = random;
    }

    public SecureRandom random() {
        return random;
    }

    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Standard base64 with padding, like Apple's session and web tokens. */
    public String base64(int length) {
        return Base64.getEncoder().encodeToString(bytes(length));
    }

    /** URL-safe base64 without padding (safe inside cookie values and headers). */
    public String base64Url(int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(length));
    }

    public String hex(int length) {
        return HexFormat.of().formatHex(bytes(length));
    }

    public String uuid() {
        return UUID.randomUUID().toString();
    }

    /** Upper-case UUID, the shape of Apple's request ids. */
    public String requestId() {
        return uuid().toUpperCase(java.util.Locale.ROOT);
    }
}
