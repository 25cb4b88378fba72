package io.github.camelicloud.client.session;

import io.github.camelicloud.client.ICloudException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a session in the cookie directory as {@code <name>.camel-icloud.json}, where {@code <name>} is
 * the Apple ID without non-word characters (icloudpd's naming). The file is created owner-only and
 * replaced atomically, so a crash leaves either the old or the new session, never a broken one.
 * When our file does not exist yet, an icloudpd session in the same directory ({@code <name>} cookie
 * jar + {@code <name>.session}) is read instead, so an icloudpd user keeps a trusted session.
 */
public final class FileSessionStore implements SessionStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSessionStore.class);
    private static final Pattern NON_WORD = Pattern.compile("\\W", Pattern.UNICODE_CHARACTER_CLASS);

    private final Path directory;
    private final String stem;
    private volatile String lastUsed = "";

    public FileSessionStore(Path directory, String username) {
        this.directory = directory;
        this.stem = fileStem(username);
    }

    /** icloudpd's file name for an Apple ID: every non-word character removed. */
    public static String fileStem(String username) {
        return NON_WORD.matcher(username).replaceAll("");
    }

    public Path sessionFile() {
        try {
            return directory.resolve(stem + ".camel-icloud.json");
        } catch (java.nio.file.InvalidPathException e) {
            throw new ICloudException("The session file of " + stem + " cannot be named: file names on this system are "
                    + System.getProperty("sun.jnu.encoding") + " (the locale's character set); run with a UTF-8"
                    + " locale, e.g. LANG=C.UTF-8");
        }
    }

    @Override
    public StoredSession load() {
        Path file = sessionFile();
        lastUsed = fingerprint();
        if (Files.isRegularFile(file)) {
            closeToOthers();
            try {
                return SessionJson.read(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring the unreadable session file {} ({}); signing in afresh", file, e.getMessage());
                return StoredSession.EMPTY;
            }
        }
        StoredSession imported = IcloudpdSession.read(directory, stem);
        if (!imported.isEmpty()) {
            LOG.info("Using the icloudpd session found in {} (it is left untouched)", directory);
        }
        return imported;
    }

    /** A folder holding a session that others can read or replace is closed before the session is used. */
    private void closeToOthers() {
        try {
            PrivateFolders.ensure(directory);
        } catch (IOException e) {
            LOG.warn("Could not make {} owner-only: {}", directory, e.getMessage());
        }
    }

    @Override
    public void save(StoredSession session) {
        try {
            PrivateFolders.ensure(directory);
            PrivateFiles.replace(sessionFile(),
                    SessionJson.write(session));
            lastUsed = fingerprint();
        } catch (IOException e) {
            throw new ICloudException("Cannot save the iCloud session in " + directory + ": " + e.getMessage()
                    + ". Make the --cookie-directory writable, or choose another one.");
        }
    }

    @Override
    public boolean changedElsewhere() {
        return !fingerprint().equals(lastUsed);
    }

    /** Modification time and size of the session file ("" when absent): enough to notice a replacement. */
    private String fingerprint() {
        try {
            Path file = sessionFile();
            return Files.isRegularFile(file) ? Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
