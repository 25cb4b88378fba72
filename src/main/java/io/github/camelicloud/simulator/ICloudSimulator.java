package io.github.camelicloud.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelicloud.simulator.cloudkit.CloudKitModule;
import io.github.camelicloud.simulator.cloudkit.RecordQuery;
import io.github.camelicloud.simulator.content.ContentModule;
import io.github.camelicloud.simulator.sharedstreams.SharedStreamsModule;
import io.github.camelicloud.simulator.content.DownloadUrls;
import io.github.camelicloud.simulator.faults.FaultInterceptor;
import io.github.camelicloud.simulator.faults.RandomFaults;
import io.github.camelicloud.simulator.hooks.HooksModule;
import io.github.camelicloud.simulator.hooks.LibraryControl;
import io.github.camelicloud.simulator.hooks.LibraryHooks;
import io.github.camelicloud.simulator.hooks.ManifestJson;
import io.github.camelicloud.simulator.hooks.RequestStats;
import io.github.camelicloud.simulator.hooks.SimulatorControl;
import io.github.camelicloud.simulator.hosts.AppleHosts;
import io.github.camelicloud.simulator.hosts.HostFilter;
import io.github.camelicloud.simulator.hosts.SimulatorCa;
import io.github.camelicloud.simulator.http.Interceptor;
import io.github.camelicloud.simulator.http.Dispatcher;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.idmsa.IdmsaModule;
import io.github.camelicloud.simulator.library.LibraryOptions;
import io.github.camelicloud.simulator.library.PhotoLibraries;
import io.github.camelicloud.simulator.network.NetworkModel;
import io.github.camelicloud.simulator.network.NetworkProfile;
import io.github.camelicloud.simulator.setup.SetupModule;
import io.github.camelicloud.simulator.state.Accounts;
import io.github.camelicloud.simulator.state.SimulatorConfig;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake iCloud on 127.0.0.1: idmsa sign-in (real SRP-6a), HSA2/2SA second factors, setup's
 * accountLogin/validate, the Photos CloudKit container over a deterministic photo library per account, and
 * the content host serving its bytes, answering in the shapes of Apple's recorded responses. Clients are
 * pointed at {@link #baseUrl()} for every Apple root (auth = BASE/appleauth/auth, setup = BASE/setup/ws/1,
 * home = BASE); CloudKit and downloads follow from {@code webservices} and {@code downloadURL}.
 *
 * <pre>{@code
 * try (ICloudSimulator sim = ICloudSimulator.builder().account("me@example.com:secret:mfa").build().start()) {
 *     client.useBaseUrl(sim.baseUrl());
 * }
 * }</pre>
 */
public final class ICloudSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudSimulator.class);

    static {
        // The JDK server writes headers and body in two packets; without TCP_NODELAY, Nagle plus delayed ACKs
        // add about 40 ms to every reply. Read once, when the JVM's first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * Pending connections the socket queues. Clients open many at once (icloud-photos-sync fires every album
     * query in parallel); with the JDK's default of 50 the kernel resets the surplus, which Apple never does.
     */
    private static final int BACKLOG = 1024;

    private final Settings settings;
    private SimulatorState state;
    private SimulatorControl control;
    private LibraryControl library;
    private final RequestStats stats = new RequestStats();
    private NetworkModel network;
    private HttpServer server;
    private ExecutorService executor;
    private SimulatorCa ca;

    private ICloudSimulator(Settings settings) {
        this.settings = settings;
    }

    /** An immutable snapshot of the builder, so changing the builder later has no effect. */
    private record Settings(List<SimulatorAccount> accounts, SimulatorConfig config, int port, SimulatorClock clock,
            int threads, LibraryOptions library, Map<String, RecordQuery> extraQueries, boolean appleHosts,
            Path caOut, RandomFaults randomFaults, NetworkProfile network) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds the accounts' SRP verifiers, binds the port and starts serving. */
    public synchronized ICloudSimulator start() {
        if (server != null) {
            throw new IllegalStateException("simulator already started");
        }
        SecureRandom random = new SecureRandom();
        Tokens tokens = new Tokens(random);
        List<SimulatorAccount> accounts = settings.accounts();
        state = new SimulatorState(settings.config(), settings.clock(), tokens,
                Accounts.create(accounts, settings.config().srpIterations(), random));
        control = new SimulatorControl(state);
        PhotoLibraries libraries = new PhotoLibraries(settings.library());
        Map<String, PhotoLibraries.Owner> owners = new LinkedHashMap<>();
        state.accounts().all().forEach(a -> owners.put(a.email(), a.libraryOwner()));
        libraries.prepare(owners);
        library = new LibraryControl(state, libraries);
        DownloadUrls urls = new DownloadUrls(random);
        Router router = new Router().install(new IdmsaModule(state)).install(new SetupModule(state))
                .install(new CloudKitModule(state, libraries, urls, settings.extraQueries()))
                .install(new ContentModule(state, urls, libraries.downloads()))
                .install(new SharedStreamsModule(state, libraries, urls))
                .install(new HooksModule(control)).install(new LibraryHooks(library, urls)).install(stats);
        network = new NetworkModel(settings.network(), settings.appleHosts());
        router.install(network);
        List<Interceptor> interceptors = new ArrayList<>();
        interceptors.add(stats);
        try {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), settings.port());
            if (settings.appleHosts()) {
                ca = SimulatorCa.create(AppleHosts.names());
                if (settings.caOut() != null) {
                    ca.writeCaPem(settings.caOut());
                }
                HttpsServer https = HttpsServer.create(address, BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()));
                server = https;
                interceptors.add(new HostFilter());
                state.hosts(new AppleHosts());
            } else {
                server = HttpServer.create(address, BACKLOG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the iCloud simulator to 127.0.0.1:" + settings.port(), e);
        }
        interceptors.add(new FaultInterceptor(state.faults(), settings.randomFaults(),
                request -> router.resolve(request).handle(request), control::expireSessions));
        // Under a network model answers mostly wait (latency, bandwidth): a thread each, as many as clients open.
        executor = settings.network().shapes() ? Executors.newCachedThreadPool(new NamedThreads())
                : Executors.newFixedThreadPool(settings.threads(), new NamedThreads());
        server.setExecutor(executor);
        server.createContext("/", new Dispatcher(router, interceptors, network));
        server.start();
        state.baseUrl(settings.appleHosts() ? "https://setup.icloud.com"
                + (server.getAddress().getPort() == 443 ? "" : ":" + server.getAddress().getPort())
                : "http://127.0.0.1:" + server.getAddress().getPort());
        LOG.info("iCloud simulator listening on {} with {} account(s)", state.baseUrl(), accounts.size());
        if (settings.network().shapes()) {
            LOG.info("Network model {}", settings.network().describe());
        }
        return this;
    }

    /**
     * {@code http://127.0.0.1:PORT}, without a trailing slash; in Apple-host mode {@code https://setup.icloud.com}
     * (any of Apple's host names reaches the {@code /_simulator/} hooks).
     */
    public String baseUrl() {
        return running().baseUrl();
    }

    /** Whether the simulator serves Apple's host names over HTTPS ({@link Builder#appleHosts}). */
    public boolean appleHosts() {
        return settings.appleHosts();
    }

    /** The CA that issued the Apple-host certificate, in PEM; empty in base-URL mode. */
    public java.util.Optional<String> caPem() {
        running();
        return java.util.Optional.ofNullable(ca).map(SimulatorCa::caPem);
    }

    public int port() {
        running();
        return server.getAddress().getPort();
    }

    /** The accounts served (the demo account when none was configured). */
    public List<SimulatorAccount> accounts() {
        return running().accounts().all().stream().map(a -> a.account()).toList();
    }

    /** The code every second factor accepts. */
    public String mfaCode() {
        return settings.config().mfaCode();
    }

    /** How long a trust grant lasts. */
    public Duration trustDuration() {
        return settings.config().trustDuration();
    }

    /** One line for banners: what each account's photo library is made of. */
    public String libraryDescription() {
        LibraryOptions options = settings.library();
        String primary = options.libraryDir() != null ? "the files in " + options.libraryDir()
                : options.assets() + " generated assets (seed " + options.seed() + (options.videoSize() > 0
                        ? ", videos of " + options.videoSize() + " bytes" : "") + ")";
        return primary + ", plus a Shared Library of 4";
    }

    public SimulatorClock clock() {
        return settings.clock();
    }

    public void advanceClock(Duration amount) {
        control().advanceClock(amount);
    }

    /** Invalidates every issued session, as Apple does when a session expires; returns the web sessions hit. */
    public int expireSessions() {
        return control().expireSessions();
    }

    /** Ends the web sessions only: a stored session token still signs in through accountLogin. */
    public int expireWebSessions() {
        return control().expireWebSessions();
    }

    public void injectFault(Fault fault) {
        control().injectFault(Objects.requireNonNull(fault, "fault"));
    }

    public void clearFaults() {
        control().clearFaults();
    }

    /**
     * What {@code email}'s photo library holds, with the SHA-256 of every version (computed on first call:
     * seconds for a library of large videos). Same JSON as {@code GET /_simulator/manifest?account=EMAIL}.
     */
    public LibraryManifest manifest(String email) {
        return libraryControl().manifest(Objects.requireNonNull(email, "email"));
    }

    /** Every photo and video of {@code email}'s Shared Albums, with who added it and the SHA-256 of its bytes. */
    public List<LibraryManifest.SharedItem> sharedAlbums(String email) {
        return libraryControl().sharedAlbums(Objects.requireNonNull(email, "email"));
    }

    /** A new, empty Shared Album {@code email} owns, or subscribes to ({@code owned} false; shared by {@code owner}). */
    public void createSharedAlbum(String email, String name, boolean owned, String owner) {
        libraryControl().createSharedAlbum(Objects.requireNonNull(email, "email"), name, owned, owner);
    }

    /**
     * {@code contributor} adds a photo or video ({@code asset}'s name, type, size and date; its album field unused) to
     * {@code email}'s Shared Album named {@code album} at {@code added} (null: the simulator's now); its bytes are its
     * own, whatever its name. Returns it as {@link #sharedAlbums} lists it.
     */
    public LibraryManifest.SharedItem addToSharedAlbum(String email, String album, String contributor, NewAsset asset,
            java.time.Instant added) {
        return libraryControl().addToSharedAlbum(Objects.requireNonNull(email, "email"), album,
                Objects.requireNonNull(contributor, "contributor"), Objects.requireNonNull(asset, "asset"), added);
    }

    public String manifestJson(String email) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(ManifestJson.write(manifest(email)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds an asset to PrimarySync (its name served exactly as given); returns its manifest entry. */
    public LibraryManifest.Asset addAsset(String email, NewAsset asset) {
        return libraryControl().addAsset(Objects.requireNonNull(email, "email"), Objects.requireNonNull(asset));
    }

    /**
     * Adds or replaces the asset's rendered edit (a new resJPEGFull, or resVidFull for a movie, with new bytes and
     * checksum; adjustmentType set; change tag bumped). {@code assetId}: master or asset recordName.
     */
    /** A metadata-only change: new caption and/or favourite flag (null keeps each), the same bytes. */
    public LibraryManifest.Asset annotateAsset(String email, String assetId, String caption, Boolean favorite) {
        return libraryControl().annotateAsset(Objects.requireNonNull(email, "email"), assetId, caption, favorite);
    }

    /** A metadata-only change with Photos' keywords too (null keeps each; empty keywords removes them). */
    public LibraryManifest.Asset annotateAsset(String email, String assetId, String caption, List<String> keywords,
            Boolean favorite) {
        return libraryControl().annotateAsset(Objects.requireNonNull(email, "email"), assetId, caption, keywords,
                favorite);
    }

    public LibraryManifest.Asset editAsset(String email, String assetId) {
        return libraryControl().editAsset(Objects.requireNonNull(email, "email"), assetId);
    }

    /** Moves the asset to Recently Deleted, as {@code records/modify} with isDeleted=1 does. */
    public LibraryManifest.Asset deleteAsset(String email, String assetId) {
        return libraryControl().deleteAsset(Objects.requireNonNull(email, "email"), assetId);
    }

    /** A new user album (a folder when {@code folder}), inside the folder named {@code parentFolder} (null: top level). */
    public void createAlbum(String email, String name, String parentFolder, boolean folder) {
        libraryControl().createAlbum(Objects.requireNonNull(email, "email"), name, parentFolder, folder);
    }

    /** Puts the asset (master or asset recordName) into the user album named {@code album}. */
    public void addToAlbum(String email, String album, String assetId) {
        libraryControl().addToAlbum(Objects.requireNonNull(email, "email"), album, assetId);
    }

    /** Renames the album or folder named {@code name}, as in Photos. */
    public void renameAlbum(String email, String name, String newName) {
        libraryControl().renameAlbum(Objects.requireNonNull(email, "email"), name, newName);
    }

    /** Deletes the album or folder named {@code name}; its photos stay in the library. */
    public void removeAlbum(String email, String name) {
        libraryControl().removeAlbum(Objects.requireNonNull(email, "email"), name);
    }

    /** Removes the asset for good: gone from every listing and album, its URLs answer 404. */
    public void expungeAsset(String email, String assetId) {
        libraryControl().expungeAsset(Objects.requireNonNull(email, "email"), assetId);
    }

    /**
     * Requests served per endpoint ({@code "POST /database/1/.../changes/zone"}, downloads as {@code "GET /B/*"})
     * since the start or the last {@link #resetRequestCounts()}; the same as {@code GET /_simulator/stats}.
     */
    public Map<String, Long> requestCounts() {
        running();
        return stats.counts();
    }

    /** What crossed the simulated network: requests, body bytes, connections ({@code GET /_simulator/network}). */
    public NetworkModel network() {
        running();
        return network;
    }

    /** All requests served (test hooks excluded) since the start or the last reset. */
    public long requestCount() {
        running();
        return stats.total();
    }

    /**
     * The {@code Range} header of every download since the start or the last reset ({@code "none"} without one),
     * in arrival order: {@code bytes=N-} is a resume from byte N. Also in {@code GET /_simulator/stats}.
     */
    public List<String> downloadRanges() {
        running();
        return stats.downloadRanges();
    }

    /** Starts the request counts again from zero. */
    public void resetRequestCounts() {
        stats.reset();
    }

    /** The same JSON as {@code GET /_simulator/state}. */
    public String stateJson() {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(control().snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LOG.info("iCloud simulator on {} stopped", state.baseUrl());
            server = null;
        }
    }

    private SimulatorState running() {
        if (state == null) {
            throw new IllegalStateException("simulator not started");
        }
        return state;
    }

    private SimulatorControl control() {
        running();
        return control;
    }

    private LibraryControl libraryControl() {
        running();
        return library;
    }

    /** Settings; every one has a default, so {@code builder().build().start()} serves the demo account. */
    public static final class Builder {

        private final Map<String, SimulatorAccount> accounts = new LinkedHashMap<>();
        private String mfaCode = "123456";
        private Duration trustDuration = days(60);
        private Duration notReadyDuration = Duration.ofSeconds(20);
        private int port;
        private SimulatorClock clock = SimulatorClock.system();
        private int srpIterations = 20_000;
        private boolean legacyHsa2Page;
        private int threads = 16;
        private int assets = LibraryOptions.DEFAULT_ASSETS;
        private long seed;
        private long videoSize;
        private Path libraryDir;
        private int albums = -1;
        private final Map<String, RecordQuery> extraQueries = new LinkedHashMap<>();
        private boolean appleHosts;
        private Path caOut;
        private RandomFaults randomFaults;
        private NetworkProfile network = NetworkProfile.NONE;

        private Builder() {
        }

        public Builder account(SimulatorAccount account) {
            Objects.requireNonNull(account, "account");
            accounts.put(account.email().toLowerCase(java.util.Locale.ROOT), account);
            return this;
        }

        /** {@code EMAIL:PASSWORD[:FLAGS]}, as on the command line. */
        public Builder account(String spec) {
            return account(SimulatorAccount.parse(spec));
        }

        public Builder accounts(Collection<SimulatorAccount> list) {
            list.forEach(this::account);
            return this;
        }

        /** The 6-digit code every second factor accepts (default 123456). */
        public Builder mfaCode(String code) {
            this.mfaCode = Objects.requireNonNull(code, "code");
            return this;
        }

        /** How long 2sv/trust lasts, in (possibly fractional) days; default 60. */
        public Builder trustDays(double days) {
            if (!(days > 0) || Double.isInfinite(days)) {
                throw new IllegalArgumentException("trust days must be positive, got " + days);
            }
            return trustDuration(days(days));
        }

        public Builder trustDuration(Duration duration) {
            this.trustDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** How long {@code not-ready} accounts answer 400 after their first CloudKit call (default 20 s). */
        public Builder notReadyDuration(Duration duration) {
            this.notReadyDuration = Objects.requireNonNull(duration, "duration");
            return this;
        }

        /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder clock(SimulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** PBKDF2 iterations offered at signin/init (default 20000, like Apple); tests may lower it. */
        public Builder srpIterations(int iterations) {
            this.srpIterations = iterations;
            return this;
        }

        /** Serve the HSA2 page with phone numbers at the pre-2026 location (as in the cassettes). */
        public Builder legacyHsa2Page(boolean legacy) {
            this.legacyHsa2Page = legacy;
            return this;
        }

        public Builder threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = count;
            return this;
        }

        /** Generated assets in each account's PrimarySync (default 50); a Shared Library with 4 more comes too. */
        public Builder assets(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("asset count must not be negative, got " + count);
            }
            this.assets = count;
            return this;
        }

        /** Same seed, same libraries, byte for byte (default 0); each account's library differs. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Size of every generated plain video's original (slo-mo and time-lapse too), in bytes; 0 (default)
         * spreads them over 3-20 MB. Bytes are produced while streaming, so gigabytes cost no memory.
         */
        public Builder videoSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("video size must not be negative, got " + bytes);
            }
            this.videoSize = bytes;
            return this;
        }

        /**
         * Serve this folder's media files instead of generated assets: one asset per file (type from the
         * extension, date from the modification time, name from the file name), sub-folders as albums.
         */
        public Builder libraryDir(Path dir) {
            this.libraryDir = dir;
            return this;
        }

        /** User albums and folders per library; default 8 + assets / 100 (more than 200 pages the album list). */
        public Builder albums(int count) {
            this.albums = count;
            return this;
        }

        /** Answers {@code records/query} for another record type (or replaces the simulator's answer). */
        public Builder recordQuery(String recordType, RecordQuery query) {
            extraQueries.put(Objects.requireNonNull(recordType, "recordType"), Objects.requireNonNull(query, "query"));
            return this;
        }

        /**
         * Serve HTTPS for Apple's host names ({@link AppleHosts#names()}) instead of plain HTTP on one base URL:
         * behaviour is chosen by the {@code Host} header, every URL handed out names Apple's hosts, cookies carry
         * Apple's Domain and Secure. The certificate is issued by a CA made at start ({@link #caPem()}); clients
         * reach the simulator through a hosts-file mapping to 127.0.0.1 (see scripts/peer-check.sh).
         */
        public Builder appleHosts(boolean apple) {
            this.appleHosts = apple;
            return this;
        }

        /** Apple-host mode: where to write the CA certificate (PEM) at start; null for nowhere. */
        public Builder caOut(Path file) {
            this.caOut = file;
            return this;
        }

        /**
         * Faults at random on CloudKit calls and downloads ({@link RandomFaults}): each fails with probability
         * {@code rate}, its type drawn from {@code types} (HTTP statuses, reset, truncate, stall, slow,
         * expire-session); the same seed, the same faults.
         */
        public Builder randomFaults(double rate, long seed, List<String> types) {
            this.randomFaults = rate > 0 ? new RandomFaults(rate, seed, types) : null;
            return this;
        }

        /** The network between clients and the simulator (default {@link NetworkProfile#NONE}: loopback speed). */
        public Builder network(NetworkProfile profile) {
            this.network = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public ICloudSimulator build() {
            SimulatorConfig config = new SimulatorConfig(mfaCode, trustDuration, notReadyDuration, srpIterations,
                    legacyHsa2Page, "USA");
            List<SimulatorAccount> list = accounts.isEmpty() ? List.of(SimulatorAccount.DEMO)
                    : List.copyOf(accounts.values());
            if (libraryDir != null && !java.nio.file.Files.isDirectory(libraryDir)) {
                throw new IllegalArgumentException("library folder not found: " + libraryDir);
            }
            LibraryOptions library = new LibraryOptions(assets, seed, videoSize, libraryDir, albums);
            return new ICloudSimulator(new Settings(list, config, port, clock, threads, library,
                    Map.copyOf(extraQueries), appleHosts, caOut, randomFaults, network));
        }

        private static Duration days(double days) {
            return Duration.ofMillis(Math.round(days * Duration.ofDays(1).toMillis()));
        }
    }

    private static final class NamedThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "icloud-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
