package io.github.camelicloud.sync;

import io.github.camelicloud.sync.SyncOptions.FileMatchPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a local target folder already holds, judged as icloudpd does: a file with the planned name and
 * the remote size is there already; with another size, the new file gets {@code -<size>} before its
 * extension ({@code name-size-dedup-with-suffix}); icloudpd's old {@code -original} names count too.
 * Also the guard that keeps every path inside the folder.
 */
public final class LocalFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFiles.class);

    private final Path root;
    private final String shownRoot;
    private final FileMatchPolicy policy;
    /** Paths this pass already handed out, with their sizes: they count as present before they are written. */
    private final Map<String, Long> claimed = new HashMap<>();

    /** @param shownRoot the folder as the user wrote it, for messages (icloudpd prints it unchanged) */
    public LocalFiles(Path root, String shownRoot, FileMatchPolicy policy) {
        this.root = root.toAbsolutePath().normalize();
        this.shownRoot = shownRoot;
        this.policy = policy;
    }

    /**
     * Where {@code file} goes, and whether it is already there. A path handed out earlier in this pass
     * counts as there (two assets with the same name on the same day, written concurrently, must not
     * share a file).
     */
    public synchronized Placement place(PlannedFile file) {
        String relative = file.relativePath();
        String existing = relative;
        boolean exists = present(relative);
        if (!exists && file.label().equals("original")) {
            String old = FileNames.withSuffix(relative, "-original");
            if (present(old)) {
                exists = true;
                existing = old;
            }
        }
        if (exists && policy == FileMatchPolicy.NAME_SIZE_DEDUP_WITH_SUFFIX && size(existing) != file.version().size()) {
            relative = FileNames.withSuffix(relative, "-" + file.version().size());
            LOG.debug("{} deduplicated", shown(relative));
            exists = present(relative);
        }
        if (exists) {
            LOG.debug("{} already exists", shown(relative));
        } else {
            claimed.put(relative, file.version().size());
        }
        return new Placement(relative, exists);
    }

    private boolean present(String relative) {
        try {
            return claimed.containsKey(relative) || Files.isRegularFile(resolve(relative));
        } catch (IllegalArgumentException unwritable) {
            LOG.error(unwritable.getMessage()); // this file's delivery fails; the other files of the pass go on
            return false;
        }
    }

    /** The absolute path of a relative one, refusing anything that would leave the folder or cannot be named. */
    public Path resolve(String relative) {
        Path path;
        try {
            path = root.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Cannot write " + relative + ": file names on this system are "
                    + System.getProperty("sun.jnu.encoding") + " (the locale's character set); run with a UTF-8"
                    + " locale, e.g. LANG=C.UTF-8");
        }
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("Refusing to write outside " + root + ": " + relative);
        }
        return path;
    }

    /** The path as icloudpd prints it: the folder as given, {@code /}, the relative path. */
    public String shown(String relative) {
        return shownRoot + "/" + relative;
    }

    private long size(String relative) {
        Long planned = claimed.get(relative);
        if (planned != null) {
            return planned;
        }
        try {
            return Files.size(resolve(relative));
        } catch (IOException e) {
            return -1;
        }
    }

    /** The final relative path and whether the file is there already. */
    public record Placement(String relativePath, boolean exists) {
    }
}
