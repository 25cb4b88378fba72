package io.github.camelicloud.cluster;

import io.github.camelicloud.client.ICloudException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster's key: seals what the nodes share that is secret (sessions, trust tokens, MFA codes) with AES-256-GCM
 * before it enters PostgreSQL. It comes from a file ({@value #KEY_FILE}, {@code --cluster-key-file}) or the
 * environment ({@value #KEY_ENV}): 32 bytes as base64 ({@code openssl rand -base64 32}) or 64 hex digits. It is never
 * written to the database or a log; {@link #toString()} does not show it.
 * <p>
 * A sealed value is {@code 1 | 12-byte nonce | ciphertext and tag}; the nonce is random per seal, and the value's
 * purpose and row (e.g. {@code session:me@example.com}) are bound in as associated data, so a row copied onto
 * another account does not open.
 */
public final class ClusterKey {

    public static final String KEY_FILE = "icloud.cluster.key-file";
    public static final String KEY_ENV = "CAMEL_ICLOUD_CLUSTER_KEY";
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private ClusterKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key from the settings ({@code property}: a property's non-empty value) or the environment. */
    public static ClusterKey from(Function<String, Optional<String>> property, Function<String, String> env) {
        Optional<String> file = property.apply(KEY_FILE);
        if (file.isPresent()) {
            return fromFile(Path.of(file.get().trim()));
        }
        String value = env.apply(KEY_ENV);
        if (value != null && !value.isBlank()) {
            return parse(value, "the environment variable " + KEY_ENV);
        }
        throw new IllegalArgumentException("cluster mode seals the shared sessions with a key: set --cluster-key-file"
                + " (" + KEY_FILE + ") to a file holding 32 random bytes as base64, made once with"
                + " 'openssl rand -base64 32 > cluster.key' and copied to every node, or set " + KEY_ENV);
    }

    static ClusterKey fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the cluster key file " + file + " ("
                    + e.getClass().getSimpleName() + "); " + KEY_FILE + " must name a readable file made with"
                    + " 'openssl rand -base64 32'");
        }
        return parse(text, "the cluster key file " + file);
    }

    static ClusterKey parse(String text, String where) {
        String t = text.strip();
        byte[] bytes;
        try {
            bytes = t.matches("[0-9a-fA-F]{64}") ? HexFormat.of().parseHex(t) : Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(where + " does not hold a 256-bit key: it must be 32 bytes as base64"
                    + " (44 characters, 'openssl rand -base64 32') or 64 hex digits");
        }
        return new ClusterKey(bytes);
    }

    /** Seals {@code plain} for the purpose and row named by {@code context}. */
    public byte[] seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a value sealed for {@code context}.
     *
     * @throws SealedStateException when it was sealed with another key, for another row, or was changed since
     */
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SealedStateException("The sealed " + context + " in the cluster database is not in a format"
                    + " this version reads (damaged, or written by something else)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new SealedStateException("The sealed " + context + " in the cluster database does not open with"
                    + " this node's key: it was sealed with another key, or changed in the database");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ClusterKey[***]";
    }

    /** A sealed value that does not open: another key, another row, or changed in the database. */
    public static final class SealedStateException extends ICloudException {
        public SealedStateException(String message) {
            super(message);
        }
    }
}
