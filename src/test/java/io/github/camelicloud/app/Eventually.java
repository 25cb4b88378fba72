package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** What the tests of a running watch wait for: a condition within two minutes, the files a folder holds now. */
final class Eventually {

    private Eventually() {
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    static void awaitTrue(Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!condition.holds()) {
            assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** The names of the files in the folder now (the sync renames files while this looks: retried). */
    static List<String> names(Path folder) {
        while (true) {
            try (Stream<Path> files = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
                return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
            } catch (IOException | UncheckedIOException e) {
                // a part file was renamed under the walk
            }
        }
    }
}
