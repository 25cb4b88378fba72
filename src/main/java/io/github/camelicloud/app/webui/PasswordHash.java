package io.github.camelicloud.app.webui;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The web page's login password as a PBKDF2-HMAC-SHA256 hash (the JDK's, with a random salt): the password itself
 * is hashed once when the run starts and never kept. Checking costs what hashing costs, which slows guessing down.
 */
final class PasswordHash {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 210_000; // OWASP's recommendation for PBKDF2-HMAC-SHA256
    private static final int BITS = 256;

    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    static PasswordHash of(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(salt, derive(password, salt));
    }

    /** Constant time in the hash: a wrong password says nothing about how close it was. */
    boolean matches(String candidate) {
        return MessageDigest.isEqual(hash, derive(candidate, salt));
    }

    private static byte[] derive(String password, byte[] salt) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, ITERATIONS, BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
