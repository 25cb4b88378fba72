package io.github.camelicloud.app.destination;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A photo on its way to (or back from) a remote destination, held on disk while its metadata is embedded: a folder
 * of its own in the temporary directory, readable by this user only (a private photo never sits where other users
 * of the machine can read it), holding the file under its own name (and the XMP sidecar written next to it); all
 * deleted on {@link #close()}. Nothing is held in memory: the bytes are streamed in and out.
 */
public final class Spool implements AutoCloseable {

    private final Path folder;
    private final Path file;

    private Spool(Path folder, Path file) {
        this.folder = folder;
        this.file = file;
    }

    /** An empty spool for a file named {@code name} (only its last path element is used). */
    public static Spool of(String name) throws IOException {
        Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempDirectory("camel-icloud-spool-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("camel-icloud-spool-");
        String base = name == null ? "" : name.substring(name.lastIndexOf('/') + 1);
        return new Spool(folder, folder.resolve(base.isBlank() || base.startsWith(".") ? "file" + base : base));
    }

    /** Streams {@code in} into the spool's file (replacing what it held), owner-only, and closes {@code in}. */
    public Spool fill(InputStream in) throws IOException {
        try (in) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        ownerOnly(file);
        return this;
    }

    /** The spooled file. */
    public Path file() {
        return file;
    }

    /** A file next to the spooled one (its sidecar), deleted with it. */
    public Path sibling(String name) {
        return folder.resolve(name);
    }

    static void ownerOnly(Path path) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException gone) {
            // a folder in the temporary directory; nothing else to do
        }
    }
}
