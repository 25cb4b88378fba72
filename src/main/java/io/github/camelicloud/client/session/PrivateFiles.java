package io.github.camelicloud.client.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Small state files only their owner may read (sync tokens, the MFA alert state): written to an owner-only
 * temporary file in the same folder, forced to disk, then renamed over the target, so a crash leaves the old
 * content or the new one, never a torn file.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    public static void replace(Path file, byte[] content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        PrivateFolders.ensure(directory);
        Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", PrivateFolders.fileAttributes());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                out.write(content);
                channel.force(true); // on disk before the rename makes it the state
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
