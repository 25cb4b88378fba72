package io.github.camelicloud.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulator with a small generated library, shared by the Photos test classes of this JVM so that the
 * library's bytes are generated and hashed once. Each class that changes a library uses its own account.
 */
final class TestLibrary {

    static final String PASSWORD = "photos-password";
    /** Only read: listings are compared with its manifest. */
    static final String READER = "reader@example.com";
    /** records/modify changes. */
    static final String MUTATOR = "mutator@example.com";
    /** Test-hook changes. */
    static final String HOOKS = "hooks@example.com";

    private static ICloudSimulator simulator;
    private static final Map<String, PhotosClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<String, LibraryManifest> MANIFESTS = new ConcurrentHashMap<>();

    private TestLibrary() {
    }

    static synchronized ICloudSimulator simulator() {
        if (simulator == null) {
            simulator = ICloudSimulator.builder().srpIterations(1000).seed(42).assets(40).videoSize(1_500_000)
                    .account(READER + ":" + PASSWORD).account(MUTATOR + ":" + PASSWORD)
                    .account(HOOKS + ":" + PASSWORD).build().start();
            Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        }
        return simulator;
    }

    static PhotosClient photos(String email) {
        return CLIENTS.computeIfAbsent(email, e -> new PhotosClient(simulator(), e, PASSWORD));
    }

    /** The manifest as first computed (before any test changed anything). */
    static LibraryManifest manifest(String email) {
        return MANIFESTS.computeIfAbsent(email, e -> simulator().manifest(e));
    }
}
