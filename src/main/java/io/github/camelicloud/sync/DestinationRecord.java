package io.github.camelicloud.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one destination (a folder, a bucket, an SFTP folder) holds: for each file, which asset version and which
 * bytes. A path holds one asset version, an asset version one path. Kept in memory (about 200 bytes a file) and
 * written through to its {@link Journal} at every change, so a killed run loses nothing it confirmed.
 * Thread-safe.
 */
public final class DestinationRecord implements AutoCloseable {

    /** Where a record persists: a file in the state directory, a database table, or nowhere. */
    public interface Journal extends AutoCloseable {

        /**
         * Reads what was recorded: files held, and keys of the record's first format ({@code
         * assetId:version:checksum} without a path: "delivered somewhere", which explains no file).
         */
        void load(Map<String, HeldFile> held, Set<String> legacyKeys) throws java.io.IOException;

        void put(HeldFile file) throws java.io.IOException;

        void remove(String path) throws java.io.IOException;

        @Override
        default void close() throws java.io.IOException {
        }
    }

    private final Journal journal;
    private final Map<String, HeldFile> byPath = new HashMap<>();
    private final Map<String, String> pathByKey = new HashMap<>();
    private final Set<String> legacyKeys = new HashSet<>();
    /** Paths by content (a key without its album folder): the copies of one photo in several albums. */
    private final Map<String, Set<String>> pathsByContent = new HashMap<>();

    private DestinationRecord(Journal journal) {
        this.journal = journal;
    }

    /** Loads the journal's record. */
    public static DestinationRecord open(Journal journal) throws java.io.IOException {
        DestinationRecord r = new DestinationRecord(journal);
        Map<String, HeldFile> held = new HashMap<>();
        journal.load(held, r.legacyKeys);
        held.values().forEach(r::index);
        r.legacyKeys.removeAll(r.pathByKey.keySet()); // recorded again, with its path, since
        return r;
    }

    /** A record kept for the life of the process only (no state directory). */
    public static DestinationRecord inMemory() {
        return new DestinationRecord(new Journal() {
            @Override
            public void load(Map<String, HeldFile> held, Set<String> legacyKeys) {
            }

            @Override
            public void put(HeldFile file) {
            }

            @Override
            public void remove(String path) {
            }
        });
    }

    public synchronized Optional<HeldFile> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public synchronized Optional<HeldFile> of(String key) {
        return Optional.ofNullable(pathByKey.get(key)).map(byPath::get);
    }

    /**
     * A file holding the content of {@code key} under another key (the photo's copy in another album), written and
     * not found changed since: what a link or a server-side copy can be made from.
     */
    public synchronized Optional<HeldFile> sameContent(String key) {
        for (String path : pathsByContent.getOrDefault(Delivery.contentOf(key), Set.of())) {
            HeldFile f = byPath.get(path);
            if (f != null && !f.key().equals(key) && f.sha256() != null && !f.isStale()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Every file recorded. */
    public synchronized List<HeldFile> files() {
        return List.copyOf(byPath.values());
    }

    /** Whether the first format of the record listed this key (it was sent, to a path no longer known). */
    public synchronized boolean legacy(String key) {
        return legacyKeys.contains(key);
    }

    /** Every file recorded as the asset's (any version, any size, any name). */
    public synchronized List<HeldFile> ofAsset(String assetId) {
        List<HeldFile> files = new ArrayList<>();
        for (HeldFile f : byPath.values()) {
            if (f.assetId().equals(assetId)) {
                files.add(f);
            }
        }
        return files;
    }

    /** How a destination checks one of its files: empty when it holds the recorded bytes, else what is wrong. */
    @FunctionalInterface
    public interface Check {
        Optional<String> differs(HeldFile file) throws Exception;
    }

    /**
     * Whether the destination ({@code where}, for messages) holds the asset's bytes now: every file recorded as the
     * asset's is checked; empty when all hold what was written. A file taken over by name and size proves nothing;
     * one found changed or missing is marked stale, so the next pass sends it again.
     */
    public Optional<String> prove(String assetId, String where, Check check) {
        List<HeldFile> files = ofAsset(assetId);
        if (files.isEmpty()) {
            return Optional.of(where + " has no file recorded as its");
        }
        for (HeldFile f : files) {
            if (f.sha256() == null) {
                return Optional.of(where + ": " + f.path() + " was there before and was not written by this tool");
            }
            if (f.isStale()) { // being written, or found changed: its bytes are not the ones recorded
                return Optional.of(where + ": " + f.path() + " is to be sent again");
            }
            try {
                Optional<String> wrong = check.differs(f);
                if (wrong.isPresent()) {
                    put(f.stale());
                    return Optional.of(where + ": " + wrong.get());
                }
            } catch (Exception e) {
                return Optional.of(where + ": " + f.path() + " cannot be checked (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    /** The destination holds {@code file} now: it replaces whatever the path or the key held before. */
    public synchronized void put(HeldFile file) {
        HeldFile old = byPath.get(file.path());
        if (file.equals(old)) {
            return;
        }
        String oldPath = pathByKey.get(file.key());
        try {
            if (oldPath != null && !oldPath.equals(file.path())) {
                journal.remove(oldPath);
                unindexContent(byPath.remove(oldPath));
            }
            journal.put(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot write the record of delivered files: " + e.getMessage(), e);
        }
        if (old != null) {
            pathByKey.remove(old.key());
            unindexContent(old);
        }
        index(file);
        legacyKeys.remove(file.key());
    }

    /** The file at {@code path} is gone (deleted there). */
    public synchronized void remove(String path) {
        HeldFile old = byPath.remove(path);
        if (old == null) {
            return;
        }
        pathByKey.remove(old.key());
        unindexContent(old);
        try {
            journal.remove(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot write the record of delivered files: " + e.getMessage(), e);
        }
    }

    private void index(HeldFile f) {
        byPath.put(f.path(), f);
        pathByKey.put(f.key(), f.path());
        pathsByContent.computeIfAbsent(Delivery.contentOf(f.key()), k -> new java.util.LinkedHashSet<>()).add(f.path());
    }

    private void unindexContent(HeldFile f) {
        if (f == null) {
            return;
        }
        Set<String> paths = pathsByContent.get(Delivery.contentOf(f.key()));
        if (paths != null) {
            paths.remove(f.path());
            if (paths.isEmpty()) {
                pathsByContent.remove(Delivery.contentOf(f.key()));
            }
        }
    }

    @Override
    public void close() throws java.io.IOException {
        journal.close();
    }
}
