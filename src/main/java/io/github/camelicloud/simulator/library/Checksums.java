package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

/**
 * Apple-shaped identifiers derived from a stable key: fileChecksum and referenceChecksum are base64 of 21 bytes
 * starting 0x01 (28 characters, "AY6c+BsE..."), wrappingKey base64 of 16 bytes. They name the bytes, they are
 * not computed from them (hashing gigabytes to list a library would be absurd); the manifest gives real SHA-256s.
 */
public final class Checksums {

    public record Ids(String fileChecksum, String referenceChecksum, String wrappingKey) {
    }

    private Checksums() {
    }

    public static Ids of(String key) {
        byte[] first = Sha256.of(("ids|" + key).getBytes(StandardCharsets.UTF_8));
        byte[] second = Sha256.of(first);
        byte[] wrapping = Arrays.copyOfRange(first, 16, 32);
        System.arraycopy(second, 20, wrapping, 0, 4);
        return new Ids(checksum(first), checksum(second), Base64.getEncoder().encodeToString(wrapping));
    }

    private static String checksum(byte[] hash) {
        byte[] bytes = new byte[21];
        bytes[0] = 1;
        System.arraycopy(hash, 0, bytes, 1, 20);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An upper-case version-4 UUID drawn from {@code random} (CPLAsset and CPLAlbum recordNames). */
    public static String uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code _} plus 32 hex digits, a CloudKit userRecordName. */
    public static String userRecordName(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** 64 upper-case hex digits, a deviceID as in the recordings. */
    public static String deviceId(String key) {
        return HexFormat.of().withUpperCase().formatHex(Sha256.of(("device|" + key).getBytes(StandardCharsets.UTF_8)));
    }
}
