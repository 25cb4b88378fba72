package io.github.camelicloud.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Locates the shared fixtures (recorded icloudpd cassettes, icloudpd cookie fixture).
 *
 * <p>The fixtures live outside this repository ({@code ../shared}). A fresh clone without them must
 * still build, so every lookup turns a missing fixtures folder into a JUnit assumption failure:
 * the calling test is SKIPPED, not failed.
 */
public final class Cassettes {

    /** System property set by surefire to {@code ${project.basedir}/../shared}. */
    public static final String SHARED_DIR_PROPERTY = "shared.dir";

    private Cassettes() {
    }

    /** The configured shared folder (may not exist): {@code -Dshared.dir}, else {@code ../shared}. */
    public static Path sharedDir() {
        String configured = System.getProperty(SHARED_DIR_PROPERTY);
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared");
        return dir.toAbsolutePath().normalize();
    }

    /** {@code <shared>/fixtures/icloudpd-cassettes}, or skips the calling test when absent. */
    public static Path cassetteDir() {
        return requireDir(sharedDir().resolve("fixtures").resolve("icloudpd-cassettes"));
    }

    /**
     * Path of {@code icloudpd-cassettes/<name>.yml} ({@code name} with or without {@code .yml}).
     * Skips the test when the fixtures folder is absent; fails when the folder exists but the
     * cassette does not (that is a typo, not a missing checkout).
     */
    public static Path require(String name) {
        String file = name.endsWith(".yml") ? name : name + ".yml";
        Path cassette = cassetteDir().resolve(file);
        if (!Files.isRegularFile(cassette)) {
            throw new IllegalArgumentException("no such cassette: " + cassette + " (known: " + names() + ")");
        }
        return cassette;
    }

    /** Every {@code *.yml} cassette, sorted by name. */
    public static List<Path> all() {
        try (Stream<Path> files = Files.list(cassetteDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <shared>/fixtures/icloudpd-cookie} (LWP cookie jar + .session), or skips the test. */
    public static Path icloudpdCookieDir() {
        return requireDir(sharedDir().resolve("fixtures").resolve("icloudpd-cookie"));
    }

    private static List<String> names() {
        return all().stream().map(p -> p.getFileName().toString().replace(".yml", "")).collect(Collectors.toList());
    }

    private static Path requireDir(Path dir) {
        assumeTrue(Files.isDirectory(dir), () -> "shared fixtures not found at " + dir
                + "; clone the shared fixtures next to this project as ../shared (or set -D"
                + SHARED_DIR_PROPERTY + "=...) to run the cassette tests");
        return dir;
    }

    /** Copies icloudpd's session fixture (cookie jar + .session) into {@code dir}, as icloudpd's harness does. */
    public static Path copyIcloudpdCookies(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(icloudpdCookieDir())) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
