package io.github.camelicloud.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Apple's flavour of SRP-6a (RFC 5054 2048-bit group, SHA-256, username left out of x), shared by
 * the client (proof side) and the simulator (verifier side). See icloud-protocol.md §3.
 * Stateless; every method is a pure function of its arguments.
 */
public final class Srp {

    public static final BigInteger N = new BigInteger(
            "AC6BDB41324A9A9BF166DE5E1389582FAF72B6651987EE07FC3192943DB56050A37329CBB4A099ED8193E0757767A13DD5"
                    + "2312AB4B03310DCD7F48A9DA04FD50E8083969EDB767B0CF6095179A163AB3661A05FBD5FAAAE82918A9962F0B93B8"
                    + "55F97993EC975EEAA80D740ADBF4FF747359D041D5C33EA71D281E446B14773BCA97B43A23FB801676BD207A436C64"
                    + "81F1D2B9078717461A5B9D32E688F87748544523B524B0D57D5EA77A2775D2ECFA032CFBDBF52FB3786160279004E5"
                    + "7AE6AF874E7303CE53299CCC041C7BC308D82A5698F3A8D0C38271AE35F8E9DBFBB694B5C803D89F7AE435DE236D52"
                    + "5F54759B65E372FCD68EF20FA7111F9E4AFF73", 16);
    public static final BigInteger G = BigInteger.TWO;
    private static final int PAD_LENGTH = 256;
    public static final BigInteger K = integer(sha256(pad(N), pad(G)));

    /** Password pre-hash protocols offered in signin/init. */
    public enum Protocol {
        S2K("s2k"), S2K_FO("s2k_fo");

        private final String wireName;

        Protocol(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Protocol fromWire(String name) {
            for (Protocol p : values()) {
                if (p.wireName.equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unsupported SRP protocol '" + name + "' (expected s2k or s2k_fo)");
        }
    }

    private Srp() {
    }

    /** P = PBKDF2-HMAC-SHA256(sha256(password) [raw or lowercase hex], salt, iterations, 32). */
    public static byte[] derivePassword(String password, byte[] salt, int iterations, Protocol protocol) {
        byte[] h = sha256(password.getBytes(StandardCharsets.UTF_8));
        byte[] key = protocol == Protocol.S2K ? h
                : HexFormat.of().formatHex(h).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return pbkdf2Sha256(key, salt, iterations, 32);
    }

    /** x = H(salt ‖ H(":" ‖ P)). */
    public static BigInteger x(byte[] salt, byte[] derivedPassword) {
        byte[] inner = sha256(new byte[] {':'}, derivedPassword);
        return integer(sha256(salt, inner));
    }

    public static BigInteger verifier(BigInteger x) {
        return G.modPow(x, N);
    }

    /** u = H(pad(A) ‖ pad(B)). */
    public static BigInteger u(BigInteger a, BigInteger b) {
        return integer(sha256(pad(a), pad(b)));
    }

    /** M1 = H((H(N) xor H(g)) ‖ H(user) ‖ salt ‖ A ‖ B ‖ K). */
    public static byte[] m1(String accountName, byte[] salt, BigInteger a, BigInteger b, byte[] sessionKey) {
        byte[] hn = sha256(min(N));
        byte[] hg = sha256(pad(G));
        byte[] xor = new byte[hn.length];
        for (int i = 0; i < xor.length; i++) {
            xor[i] = (byte) (hn[i] ^ hg[i]);
        }
        return sha256(xor, sha256(accountName.getBytes(StandardCharsets.UTF_8)), salt, min(a), min(b), sessionKey);
    }

    /** M2 = H(A ‖ M1 ‖ K). */
    public static byte[] m2(BigInteger a, byte[] m1, byte[] sessionKey) {
        return sha256(min(a), m1, sessionKey);
    }

    /** Client side: A = g^a. */
    public static BigInteger publicA(BigInteger a) {
        return G.modPow(a, N);
    }

    /** Server side: B = (k·v + g^b) mod N. */
    public static BigInteger publicB(BigInteger verifier, BigInteger b) {
        return K.multiply(verifier).add(G.modPow(b, N)).mod(N);
    }

    /** Client side: S = (B − k·g^x)^(a + u·x) mod N. */
    public static BigInteger clientSecret(BigInteger publicB, BigInteger x, BigInteger a, BigInteger u) {
        BigInteger base = publicB.subtract(K.multiply(G.modPow(x, N))).mod(N);
        return base.modPow(a.add(u.multiply(x)), N);
    }

    /** Server side: S = (A · v^u)^b mod N. */
    public static BigInteger serverSecret(BigInteger publicA, BigInteger verifier, BigInteger u, BigInteger b) {
        return publicA.multiply(verifier.modPow(u, N)).mod(N).modPow(b, N);
    }

    /** K = H(min(S)). */
    public static byte[] sessionKey(BigInteger s) {
        return sha256(min(s));
    }

    /** A fresh 256-bit secret exponent (for a or b). */
    public static BigInteger randomSecret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return integer(bytes);
    }

    public static BigInteger integer(byte[] bigEndianUnsigned) {
        return new BigInteger(1, bigEndianUnsigned);
    }

    /** Big-endian unsigned encoding without leading zero bytes. */
    public static byte[] min(BigInteger n) {
        byte[] bytes = n.toByteArray();
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        return Arrays.copyOfRange(bytes, start, bytes.length);
    }

    /** Big-endian encoding left-padded with zeros to the length of N. */
    public static byte[] pad(BigInteger n) {
        byte[] m = min(n);
        if (m.length >= PAD_LENGTH) {
            return m;
        }
        byte[] out = new byte[PAD_LENGTH];
        System.arraycopy(m, 0, out, PAD_LENGTH - m.length, m.length);
        return out;
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] pbkdf2Sha256(byte[] password, byte[] salt, int iterations, int length) {
        // Hand-rolled on HMAC because PBEKeySpec takes char[] and the s2k password is raw bytes.
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            int hashLength = mac.getMacLength();
            byte[] out = new byte[length];
            int blocks = (length + hashLength - 1) / hashLength;
            for (int block = 1; block <= blocks; block++) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                int offset = (block - 1) * hashLength;
                System.arraycopy(t, 0, out, offset, Math.min(hashLength, length - offset));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
