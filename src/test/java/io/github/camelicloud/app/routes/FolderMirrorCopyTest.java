package io.github.camelicloud.app.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.sync.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The folder's copy (issue 16): 32 KB writes filled from the socket's smaller reads, the SHA-256 of exactly the bytes
 * written in the same pass, and every byte read before a failure still written (the part file a next run resumes).
 */
class FolderMirrorCopyTest {

    @Test
    void writesWholeBlocksAndHashesWhatItWrote() throws IOException {
        byte[] data = new byte[5 * FolderMirror.BLOCK + 1234];
        new Random(16).nextBytes(data);
        RecordingOutput out = new RecordingOutput();
        MessageDigest digest = Sha256.digest();

        FolderMirror.copy(new Trickle(new ByteArrayInputStream(data), 8192), out, digest);

        assertThat(out.bytes.toByteArray()).isEqualTo(data);
        assertThat(out.writes).as("full blocks, then the rest").containsExactly(FolderMirror.BLOCK, FolderMirror.BLOCK,
                FolderMirror.BLOCK, FolderMirror.BLOCK, FolderMirror.BLOCK, 1234);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(Sha256.of(new ByteArrayInputStream(data)));
    }

    @Test
    void aBrokenDownloadKeepsEveryByteReadBeforeTheBreak() {
        byte[] data = new byte[FolderMirror.BLOCK + 10_000];
        new Random(17).nextBytes(data);
        RecordingOutput out = new RecordingOutput();
        InputStream breaking = new Trickle(new ByteArrayInputStream(data), 8192) {
            private int served;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= FolderMirror.BLOCK + 8192) {
                    throw new IOException("connection reset");
                }
                int n = super.read(b, off, len);
                served += Math.max(n, 0);
                return n;
            }
        };

        assertThatThrownBy(() -> FolderMirror.copy(breaking, out, Sha256.digest())).hasMessage("connection reset");
        assertThat(out.bytes.size()).isEqualTo(FolderMirror.BLOCK + 8192);
    }

    /** Gives at most {@code most} bytes a read, as a socket gives one segment. */
    private static class Trickle extends InputStream {
        private final InputStream in;
        private final int most;

        Trickle(InputStream in, int most) {
            this.in = in;
            this.most = most;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, Math.min(len, most));
        }
    }

    private static final class RecordingOutput extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            bytes.write(b);
            writes.add(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            writes.add(len);
        }
    }
}
