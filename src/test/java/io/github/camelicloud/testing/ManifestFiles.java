package io.github.camelicloud.testing;

import io.github.camelicloud.simulator.LibraryManifest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/** What a default sync (originals, live-photo videos, the primary library) must leave, as SHA-256 sums, and what it left. */
public final class ManifestFiles {

    private ManifestFiles() {
    }

    /**
     * What a download of Shared Albums must leave: each item's original as {@code size:sha256} (as
     * {@code StoredFile.content()}), by the relative path {@code path} gives it; only the items {@code path} names.
     */
    public static java.util.SortedMap<String, String> sharedAlbumFiles(List<LibraryManifest.SharedItem> items,
            java.util.function.Function<LibraryManifest.SharedItem, java.util.Optional<String>> path) {
        java.util.SortedMap<String, String> expected = new java.util.TreeMap<>();
        for (LibraryManifest.SharedItem item : items) {
            LibraryManifest.Version original = item.asset().versions().get("resOriginal");
            path.apply(item).ifPresent(p -> expected.put(p, original.size() + ":" + original.sha256()));
        }
        return expected;
    }

    /** The SHA-256 of every file a default sync downloads (see {@link #forEachDefaultFile}). */
    public static List<String> expectedSha256(LibraryManifest manifest) {
        List<String> expected = new ArrayList<>();
        forEachDefaultFile(manifest, (asset, version) -> expected.add(version.sha256()));
        return expected;
    }

    /**
     * Each file a default sync downloads: every visible asset's original and live-photo video in the primary
     * library (the manifest's first: PrimarySync, or the zone a {@code primary-zone=NAME} account has instead).
     */
    public static void forEachDefaultFile(LibraryManifest manifest,
            BiConsumer<LibraryManifest.Asset, LibraryManifest.Version> file) {
        String primary = manifest.libraries().get(0).zone();
        for (LibraryManifest.Asset a : manifest.assets()) {
            if (a.zone().equals(primary) && !a.hidden() && !a.deleted()) {
                file.accept(a, a.versions().get("resOriginal"));
                LibraryManifest.Version live = a.versions().get("resOriginalVidCompl");
                if (live != null && !a.itemType().equals("com.apple.quicktime-movie")) {
                    file.accept(a, live);
                }
            }
        }
    }

    /** Every regular file under {@code dir}. */
    public static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** The SHA-256 of every regular file under {@code dir}. */
    public static List<String> actualSha256(Path dir) throws IOException {
        List<String> sums = new ArrayList<>();
        for (Path f : files(dir)) {
            sums.add(sha256(f));
        }
        return sums;
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
