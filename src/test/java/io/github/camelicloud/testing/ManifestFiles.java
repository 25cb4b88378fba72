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
import java.util.stream.Stream;

/** What a default sync (originals, live-photo videos, PrimarySync) must leave, as SHA-256 sums, and what it left. */
public final class ManifestFiles {

    private ManifestFiles() {
    }

    /**
     * The SHA-256 of every file a default sync of the manifest's primary library downloads (its first library:
     * PrimarySync, or the zone a {@code primary-zone=NAME} account has instead).
     */
    public static List<String> expectedSha256(LibraryManifest manifest) {
        String primary = manifest.libraries().get(0).zone();
        List<String> expected = new ArrayList<>();
        for (LibraryManifest.Asset a : manifest.assets()) {
            if (a.zone().equals(primary) && !a.hidden() && !a.deleted()) {
                expected.add(a.versions().get("resOriginal").sha256());
                if (a.versions().containsKey("resOriginalVidCompl")
                        && !a.itemType().equals("com.apple.quicktime-movie")) {
                    expected.add(a.versions().get("resOriginalVidCompl").sha256());
                }
            }
        }
        return expected;
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
