package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a local target folder holds ({@link Placements}: its record first, then icloudpd's rules for files no record
 * explains: same name and size is there already, another size gets {@code -<size>}, and icloudpd's old {@code
 * -original} names count), the SHA-256 of each file read back once written (after its EXIF date was set), and the
 * guard that keeps every path inside the folder.
 */
public final class LocalFiles implements HeldFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFiles.class);

    private final Path root;
    private final String shownRoot;
    private final Placements placements;
    private final Optional<MetadataRefresh> metadata;

    /**
     * What a folder with {@code --embed-metadata} or {@code --xmp-sidecar} writes besides the photo: a fingerprint of
     * it for the record, and the rewrite in place when only the metadata changed in iCloud.
     */
    public interface MetadataRefresh {
        /** Empty when the folder writes no metadata. */
        Optional<String> fingerprint(Asset asset);

        /** @return whether anything was written (a PNG or RAW without a sidecar has nowhere to carry it) */
        boolean rewrite(Path file, String shown, Asset asset) throws IOException;

        /** Rewriting a file's metadata failed (it is tried again on the next pass): the pass is not complete. */
        default void failed() {
        }
    }

    /** A folder whose record lives as long as this object (nothing persisted). */
    public LocalFiles(Path root, String shownRoot) {
        this(root, shownRoot, DestinationRecord.inMemory());
    }

    /** @param shownRoot the folder as the user wrote it, for messages (icloudpd prints it unchanged) */
    public LocalFiles(Path root, String shownRoot, DestinationRecord record) {
        this(root, shownRoot, record, false);
    }

    /** @param dryRun nothing is written, the record neither */
    public LocalFiles(Path root, String shownRoot, DestinationRecord record, boolean dryRun) {
        this(root, shownRoot, record, dryRun, Optional.empty());
    }

    public LocalFiles(Path root, String shownRoot, DestinationRecord record, boolean dryRun,
            Optional<MetadataRefresh> metadata) {
        this.metadata = dryRun ? Optional.empty() : metadata;
        this.root = root.toAbsolutePath().normalize();
        this.shownRoot = shownRoot;
        this.placements = new Placements(record, this::size, true, dryRun);
    }

    @Override
    public Placement place(PlannedFile file) {
        try {
            Placement p = placements.place(file);
            if (p.exists()) { // icloudpd names the planned file, also when its old -original name is there
                boolean original = p.relativePath().equals(FileNames.withSuffix(file.relativePath(), "-original"));
                LOG.debug("{} already exists", shown(original ? file.relativePath() : p.relativePath()));
                refreshMetadata(file);
            }
            return p;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * A file this tool wrote whose iCloud metadata changed since (same checksum, other caption, keywords, favourite
     * or location): its embedded metadata and sidecar are rewritten in place. A record without a fingerprint (written
     * before fingerprints were kept) counts as current and gets the fingerprint: an upgrade rewrites no file. A file
     * taken over from icloudpd by name and size (no SHA-256) is not this tool's to rewrite.
     */
    private void refreshMetadata(PlannedFile file) {
        if (metadata.isEmpty() || file.label().startsWith("live-")) {
            return;
        }
        Optional<String> now = metadata.get().fingerprint(file.asset());
        Optional<HeldFile> held = placements.record().of(Delivery.keyOf(file));
        if (now.isEmpty() || held.isEmpty() || held.get().sha256() == null || held.get().isStale()
                || now.get().equals(held.get().metadata())) {
            return;
        }
        HeldFile f = held.get();
        Path path = resolve(f.path());
        try {
            if (f.metadata() == null) {
                placements.record().put(f.rewritten(f.sha256(), now.get())); // nothing read: cheap on upgrade
                return;
            }
            if (!Sha256.of(path).equals(f.sha256())) {
                return; // changed there since: proving it finds that, and it is sent again
            }
            metadata.get().rewrite(path, shown(f.path()), file.asset());
            placements.record().put(f.rewritten(Sha256.of(path), now.get()));
        } catch (IOException e) {
            LOG.error("Error updating the metadata of {} (tried again on the next run): {}", shown(f.path()),
                    e.getMessage());
            metadata.get().failed();
        }
    }

    private OptionalLong size(String relative) {
        Path file;
        try {
            file = resolve(relative);
        } catch (IllegalArgumentException unwritable) {
            LOG.error(unwritable.getMessage()); // this file's delivery fails; the other files of the pass go on
            return OptionalLong.empty();
        }
        try {
            return Files.isRegularFile(file) ? OptionalLong.of(Files.size(file)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void delivered(Delivery delivery, String sha256) {
        String path = delivery.relativePath();
        try {
            // the hash of the bytes as they were written (one pass with the copy); read back only when not given
            String held = sha256 != null ? sha256 : Sha256.of(resolve(path));
            placements.record().put(new HeldFile(delivery.key(), path, held,
                    metadata.flatMap(m -> m.fingerprint(delivery.asset())).orElse(null)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back " + shown(path) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void metadataFailed(Delivery delivery) {
        Optional<String> fingerprint = metadata.flatMap(m -> m.fingerprint(delivery.asset()));
        if (fingerprint.isPresent()) {
            placements.record().of(delivery.key()).ifPresent(f -> placements.record().put(f.rewritten(f.sha256(),
                    HeldFile.pendingMetadata(fingerprint.get()))));
        }
    }

    @Override
    public Optional<String> unproven(String assetId) {
        return placements.record().prove(assetId, shownRoot, f -> {
            Path file = resolve(f.path());
            if (!Files.isRegularFile(file)) {
                return Optional.of(f.path() + " is missing");
            }
            return Sha256.of(file).equals(f.sha256()) ? Optional.empty()
                    : Optional.of(f.path() + " does not hold the bytes that were downloaded");
        });
    }

    @Override
    public void removeAsset(Asset asset, boolean dryRun) {
        remove(placements.record().ofAsset(asset.id()), dryRun, false);
    }

    @Override
    public void removeWhere(java.util.function.Predicate<HeldFile> which, boolean dryRun) {
        remove(placements.record().files().stream().filter(which).toList(), dryRun, true);
    }

    /** @param prune folders left empty go too (an album's folder; icloudpd keeps empty date folders) */
    private void remove(java.util.List<HeldFile> files, boolean dryRun, boolean prune) {
        for (HeldFile f : files) {
            Path path = resolve(f.path());
            if (dryRun) {
                LOG.info("[DRY RUN] Would delete {}", shown(f.path()));
                continue;
            }
            try {
                if (Files.deleteIfExists(path)) {
                    LOG.info("Deleted {}", shown(f.path()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete " + shown(f.path()) + ": " + e.getMessage(), e);
            }
            placements.record().remove(f.path());
            if (prune) {
                removeEmptyFolders(path.getParent());
            }
        }
    }

    /** A folder emptied by a deletion (an album renamed or removed) goes too, up to the target folder. */
    private void removeEmptyFolders(Path folder) {
        for (Path dir = folder; dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
                Files.delete(dir);
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void passEnded() {
        placements.passEnded();
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
}
