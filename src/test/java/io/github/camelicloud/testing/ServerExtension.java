package io.github.camelicloud.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server a test class starts and stops through {@code @RegisterExtension}: on a {@code static} field it runs
 * for the whole class, on an instance field for each test. {@link #get()} is the running server. Each start
 * gets a fresh temporary folder ({@link #folder()}) for the server's files, removed after the stop.
 */
public abstract class ServerExtension<S extends AutoCloseable>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private S server;
    private Path folder;
    private boolean perClass;

    /** Starts the server (ephemeral ports only: other tests run servers at the same time). */
    protected abstract S start() throws Exception;

    /** The running server's own temporary folder. */
    protected Path folder() {
        return Objects.requireNonNull(folder, "no folder before the start");
    }

    /** The running server; fails when the test asks outside the extension's lifetime. */
    public S get() {
        return Objects.requireNonNull(server, () -> getClass().getSimpleName() + " is not running");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        begin();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            begin();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            stop();
        }
    }

    private void begin() throws Exception {
        folder = Files.createTempDirectory(getClass().getSimpleName());
        server = start();
    }

    private void stop() throws Exception {
        S running = server;
        server = null;
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            delete(folder);
        }
    }

    private static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
