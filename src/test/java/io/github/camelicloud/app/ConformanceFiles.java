package io.github.camelicloud.app;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The conformance harness's data folder (CONFORMANCE.md, conventions 1 and 3): pre-created files, the F-check. */
final class ConformanceFiles {

    private ConformanceFiles() {
    }

    /** A new file of {@code size} zero bytes, as icloudpd's tests pre-create them. */
    static void precreate(Path data, String relative, long size) throws IOException {
        Path file = data.resolve(relative);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    /** Every file under the folder, relative, with '/' separators. */
    static List<String> files(Path data) throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).map(p -> data.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
    }
}
