package io.github.camelicloud.client.session;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders of the session and of the sync state are their owner's alone, whatever the umask: created
 * {@code rwx------}, and one found open to other users is closed, with a warning (it held a session or the
 * record of what was delivered, readable or replaceable by anyone on the machine). Files in them are created
 * {@code rw-------}.
 */
public final class PrivateFolders {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFolders.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFolders() {
    }

    /** Creates {@code directory} (and missing parents) owner-only, or closes an existing one to others. */
    public static Path ensure(Path directory) throws IOException {
        if (!posix()) {
            return Files.createDirectories(directory);
        }
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            Files.setPosixFilePermissions(directory, OWNER_ONLY_DIR); // the umask may have taken bits away
            return directory;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(directory);
        if (now.stream().anyMatch(OTHERS::contains)) {
            Set<PosixFilePermission> closed = EnumSet.copyOf(now);
            closed.removeAll(OTHERS);
            Files.setPosixFilePermissions(directory, closed);
            LOG.warn("{} was open to other users ({}); it holds your session or sync state, so it is now"
                    + " owner-only ({})", directory, PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(closed));
        }
        return directory;
    }

    /** Creates an empty owner-only file unless it exists. */
    public static Path createFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createFile(file, fileAttributes());
        return file;
    }

    /** Owner-only permissions for a new file (none where the file system has no POSIX permissions). */
    public static FileAttribute<?>[] fileAttributes() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
