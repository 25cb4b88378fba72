package io.github.camelicloud.simulator.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of content, streamed through the digest (a 4 GB video costs seconds, not memory). */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(Content content) {
        MessageDigest digest = digest();
        try {
            content.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    digest.update((byte) b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    digest.update(bytes, offset, length);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static byte[] of(byte[] bytes) {
        return SMALL.get().digest(bytes);
    }

    /** For the many tiny digests of library generation; getInstance per call costs more than the hashing. */
    private static final ThreadLocal<MessageDigest> SMALL = ThreadLocal.withInitial(Sha256::digest);

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
