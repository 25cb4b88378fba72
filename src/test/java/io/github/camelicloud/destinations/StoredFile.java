package io.github.camelicloud.destinations;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A file as a destination holds it: path/key, size, SHA-256. */
public record StoredFile(String key, long size, String sha256) {

    /** Size and digest, to compare with the simulator's manifest whatever the names. */
    public String content() {
        return size + ":" + sha256;
    }

    /** Each file's {@link #content()} by its path/key, sorted by path. */
    public static java.util.SortedMap<String, String> contentByKey(List<StoredFile> files) {
        java.util.SortedMap<String, String> byKey = new java.util.TreeMap<>();
        files.forEach(f -> byKey.put(f.key(), f.content()));
        return byKey;
    }

    /** Every file under a local folder (relative paths with '/'); none when the folder is missing. */
    public static List<StoredFile> under(Path base) throws Exception {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                files.add(new StoredFile(base.relativize(f).toString().replace('\\', '/'), Files.size(f),
                        HexFormat.of().formatHex(digest.digest())));
            }
        }
        return files;
    }

    /** How many part files (a download in progress or cut) are below {@code folder} now; 0 before it exists. */
    public static long partFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".part")).count();
        } catch (java.io.IOException | java.io.UncheckedIOException missingOrRenamed) {
            return 0;
        }
    }
}
