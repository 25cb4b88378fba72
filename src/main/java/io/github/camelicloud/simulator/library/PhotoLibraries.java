package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.Noise;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every account's library, made on the account's first Photos call (so a simulator with many accounts starts
 * at once) from the options and the account's email: each account has its own, and the same seed always
 * gives each account the same one.
 */
public final class PhotoLibraries {

    private static final Logger LOG = LoggerFactory.getLogger(PhotoLibraries.class);

    private static final int EAGER_FROM = 2_000;

    private final LibraryOptions options;
    private final DownloadIndex downloads = new DownloadIndex();
    private final Map<String, PhotoLibrary> byAccount = new ConcurrentHashMap<>();

    public PhotoLibraries(LibraryOptions options) {
        this.options = options;
    }

    public LibraryOptions options() {
        return options;
    }

    /**
     * Who owns a library.
     *
     * @param recordName  the account's CloudKit userRecordName (owner of its primary zone)
     * @param primaryZone the name of its primary zone ({@code PrimarySync}, or e.g. {@code PrimarySync1})
     */
    public record Owner(String recordName, String primaryZone) {
    }

    public PhotoLibrary of(String email, Owner owner) {
        return byAccount.computeIfAbsent(email.toLowerCase(Locale.ROOT), key -> {
            long started = System.nanoTime();
            PhotoLibrary library = new LibraryGenerator(key, owner, options, accountSeed(key), downloads)
                    .generate();
            LOG.info("Photo library for {} ready: {} assets in {} zones ({} ms)", key,
                    library.zones().stream().mapToInt(z -> z.assets().size()).sum(), library.zones().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return library;
        });
    }

    /**
     * Starts making large libraries (a library folder, or thousands of assets: seconds of work) in the
     * background, so they are ready before the first request, which would otherwise wait for them. Small ones
     * are made on demand in milliseconds.
     */
    public void prepare(Map<String, Owner> ownersByEmail) {
        if (options.libraryDir() == null && options.assets() < EAGER_FROM) {
            return;
        }
        Thread worker = new Thread(() -> ownersByEmail.forEach(this::of), "icloud-simulator-library");
        worker.setDaemon(true);
        worker.start();
    }

    public DownloadIndex downloads() {
        return downloads;
    }

    private long accountSeed(String email) {
        long hash = 0;
        for (byte b : email.getBytes(StandardCharsets.UTF_8)) {
            hash = Noise.mix(hash ^ b);
        }
        return Noise.seed(options.seed(), hash);
    }
}
