package io.github.camelicloud.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.camelicloud.app.webui.WebPage;
import io.github.camelicloud.app.webui.WebUiSettings;
import io.github.camelicloud.app.log.TerminalText;
import io.github.camelicloud.app.destination.DestinationException;
import io.github.camelicloud.app.notify.AccountNotifications;
import io.github.camelicloud.app.notify.NotifySettings;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.cluster.AuthOnlyAnswer;
import io.github.camelicloud.cluster.ClusterSettings;
import io.github.camelicloud.cluster.ClusterState;
import io.github.camelicloud.cluster.MfaCodeRelay;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.LibraryNotReadyException;
import io.github.camelicloud.client.MfaRequiredException;
import io.github.camelicloud.client.PasswordRequiredException;
import io.github.camelicloud.client.SecurityKeyNotSupportedException;
import io.github.camelicloud.client.ServiceNotActivatedException;
import io.github.camelicloud.client.WebAccessDisabledException;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.component.ICloudConfiguration;
import io.github.camelicloud.component.ICloudSyncSettings;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.SimulatorCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The main command, with icloudpd's flag names and meanings. */
@Command(name = "camel-icloud", mixinStandardHelpOptions = true, version = "camel-icloud 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Downloads iCloud Photos, like icloudpd, through Apache Camel routes.%n"
                + "Without --username it can run against the built-in simulator (--demo).%n"
                + "Several accounts: repeat --username; options before the first one apply to every account, options"
                + " after one to that account (as in icloudpd, --domain, --watch-with-interval, --log-level,"
                + " --only-print-filenames and the other global options apply to all, wherever they stand).",
        subcommands = {SimulatorCommand.class})
public final class SyncCommand implements Callable<Integer> {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SyncCommand.class);
    static final String DEMO_USER = "demo@example.com";
    static final String DEMO_PASSWORD = "demo-password";
    static final int DEMO_ASSETS = 200;

    private final BufferedReader in;
    private final PrintStream out;
    private final boolean interactive;

    @Option(names = {"-u", "--username"}, paramLabel = "APPLE_ID", description = "Your iCloud username or email address")
    String username;

    @Option(names = {"-p", "--password"}, paramLabel = "PASSWORD",
            description = "Your iCloud password (default: ask on the console when needed). Other users see it in"
                    + " ps: prefer --password-file, or ICLOUD_PASSWORD with --password-provider env")
    String password;

    @Option(names = "--cookie-directory", paramLabel = "DIR",
            description = "Directory to store the session (default: ~/.camel-icloud/cookies). An icloudpd session"
                    + " (e.g. ~/.pyicloud) found there is reused.")
    Path cookieDirectory;

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "com",
            description = "com (iCloud.com), cn (iCloud.com.cn), or the base URL of a compatible server such as the"
                    + " simulator. Default: ${DEFAULT-VALUE}")
    String domain;

    @Option(names = "--auth-only", description = "Sign in (and do MFA if needed), store the session, and exit")
    boolean authOnly;

    @Option(names = "--demo", description = "Run against a built-in iCloud simulator with a demo account")
    boolean demo;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "Local directory for downloads")
    String directory;

    @Mixin
    DestinationOptions destinationOptions = new DestinationOptions();

    @Mixin
    StateOptions stateOptions = new StateOptions();

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Mixin
    IncrementalOptions incrementalOptions = new IncrementalOptions();

    @Mixin
    AuthOptions authOptions = new AuthOptions();

    private SignInAids signInAids;
    /** The run's web page, shared by its accounts ({@link #runAll}). */
    private WebPage webPage;
    private Optional<ClusterState> cluster = Optional.empty();
    private MfaCodeRelay relay;

    @Mixin
    DeletionOptions deletionOptions = new DeletionOptions();

    @Mixin
    NotificationOptions notificationOptions = new NotificationOptions();

    @Mixin
    ReliabilityOptions reliability = new ReliabilityOptions();

    @Mixin
    NotifyOptions notifyOptions = new NotifyOptions();

    private AccountNotifications notifications = AccountNotifications.none();

    @Option(names = "--list-libraries", description = "List the libraries (own and shared) and exit")
    boolean listLibraries;

    @Option(names = {"-l", "--list-albums"}, description = "List the albums and exit")
    boolean listAlbums;

    @Option(names = "--list-shared-albums",
            description = "List the Shared Albums the account owns or subscribes to and exit")
    boolean listSharedAlbums;

    @Option(names = "--library", paramLabel = "NAME", defaultValue = "PrimarySync",
            description = "Library to download. Default: ${DEFAULT-VALUE}")
    String library;

    @Option(names = {"-a", "--album"}, paramLabel = "NAME",
            description = "Album to download (may repeat); all: every user album into its own folder ({album} in"
                    + " --folder-structure). Default: the whole library")
    List<String> albums = new ArrayList<>();

    @Option(names = "--shared-album", paramLabel = "NAME",
            description = "Shared Album to download instead of the library (may repeat); all: every one. Each into its"
                    + " own folder ({album} in --folder-structure; {contributor}: who added the photo)")
    List<String> sharedAlbums = new ArrayList<>();

    @Option(names = "--unfiled-folder", paramLabel = "NAME", defaultValue = "Unfiled",
            description = "With {album} in --folder-structure: the folder for photos in no album. Default: ${DEFAULT-VALUE}")
    String unfiledFolder;

    @Option(names = "--size", paramLabel = "SIZE", description = "original, medium, thumb, adjusted or alternative"
            + " (may repeat). Default: original")
    List<String> sizes = new ArrayList<>();

    @Option(names = "--force-size", description = "Only the requested sizes: no fallback to the original")
    boolean forceSize;

    @Option(names = "--live-photo-size", paramLabel = "SIZE", defaultValue = "original",
            description = "original, medium or thumb. Default: ${DEFAULT-VALUE}")
    String livePhotoSize;

    @Option(names = "--live-photo-mov-filename-policy", paramLabel = "POLICY", defaultValue = "suffix",
            description = "suffix (IMG_1_HEVC.MOV for HEIC) or original (IMG_1.MOV). Default: ${DEFAULT-VALUE}")
    String livePhotoMovFilenamePolicy;

    @Option(names = "--align-raw", paramLabel = "POLICY", defaultValue = "as-is",
            description = "For RAW+JPEG: as-is, original or alternative. Default: ${DEFAULT-VALUE}")
    String alignRaw;

    @Option(names = "--file-match-policy", paramLabel = "POLICY", defaultValue = "name-size-dedup-with-suffix",
            description = "name-size-dedup-with-suffix or name-id7. Default: ${DEFAULT-VALUE}")
    String fileMatchPolicy;

    @Option(names = "--keep-unicode-in-filenames", description = "Keep non-ASCII characters in file names")
    boolean keepUnicode;

    @Option(names = "--skip-videos", description = "Do not download videos")
    boolean skipVideos;

    @Option(names = "--skip-photos", description = "Do not download photos")
    boolean skipPhotos;

    @Option(names = "--skip-live-photos", description = "Do not download the videos of live photos")
    boolean skipLivePhotos;

    @Option(names = "--skip-created-before", paramLabel = "DATE",
            description = "Skip assets created before this ISO date, or this many days ago (e.g. 20d)")
    String skipCreatedBefore;

    @Option(names = "--skip-created-after", paramLabel = "DATE",
            description = "Skip assets created after this ISO date, or this many days ago (e.g. 2d)")
    String skipCreatedAfter;

    @Option(names = "--recent", paramLabel = "N", description = "Only the N most recent photos and videos")
    Integer recent;

    @Option(names = "--until-found", paramLabel = "N",
            description = "Stop after N consecutive photos that were downloaded before")
    Integer untilFound;

    @Option(names = "--only-print-filenames",
            description = "Only print the paths of the files that would be downloaded (nothing is written)")
    boolean onlyPrintFilenames;

    @Option(names = "--set-exif-datetime", description = "Write the creation date into JPEGs that have no EXIF date")
    boolean setExifDatetime;

    @Option(names = "--embed-metadata", description = "Write iCloud's title, description, keywords, favourite"
            + " (as rating), date and location into JPEG and MOV/MP4 files, without re-encoding")
    boolean embedMetadata;

    @Option(names = "--xmp-sidecar", description = "Write an XMP sidecar (IMG.JPG.xmp) with the photo's metadata")
    boolean xmpSidecar;

    @Option(names = "--dry-run", description = "Log what would be downloaded; download and delete nothing")
    boolean dryRun;

    @Option(names = "--folder-structure", paramLabel = "FORMAT", defaultValue = "{:%Y/%m/%d}",
            description = "Folder layout, a Python format of the creation date ({album}: the album's folder), or none."
                    + " Default: ${DEFAULT-VALUE}")
    String folderStructure;

    @Option(names = "--use-os-locale", description = "Use the system's language for month and day names in folders")
    boolean useOsLocale;

    @Option(names = "--watch-with-interval", paramLabel = "SECONDS",
            description = "Run for ever, syncing every SECONDS seconds")
    Integer watchWithInterval;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
    LogLevel logLevel;

    @Option(names = "--no-progress-bar", description = "Do not show the progress bar")
    boolean noProgressBar;

    @Option(names = "--threads-num", paramLabel = "N",
            description = "Files downloaded at the same time (1: one by one, in icloudpd's order). Default: "
                    + ICloudConfiguration.DEFAULT_CONCURRENCY)
    Integer threadsNum;

    @Option(names = "--max-retries", paramLabel = "N", defaultValue = "3",
            description = "Retries when Apple throttles (503/429) or a connection breaks. Default: ${DEFAULT-VALUE}")
    int maxRetries;

    @Option(names = "--retry-delay", paramLabel = "SECONDS", defaultValue = "5",
            description = "First pause before a retry, doubled each time (Apple's Retry-After wins)."
                    + " Default: ${DEFAULT-VALUE}")
    int retryDelaySeconds;

    SyncCommand(BufferedReader in, PrintStream out, boolean interactive) {
        this.in = in;
        this.out = out;
        this.interactive = interactive;
    }

    private ICloudSimulator simulator;
    /** This account's part of the routes, once signed in for a sync. */
    private BundledRoutes.Account routes;

    @Override
    public Integer call() {
        return runAll(List.of(this), BundledRoutes.WatchRounds.FOR_EVER);
    }

    /**
     * Runs the accounts (one, or several --username): each signs in, in turn (the console may ask for codes), then
     * the bundled routes of all of them run together in one camel-main. Returns the worst account's exit code; with
     * several accounts, one line per account says how it ended.
     */
    static int runAll(List<SyncCommand> accounts, BundledRoutes.WatchRounds rounds) {
        int worst = 0;
        List<SyncCommand> syncing = new ArrayList<>();
        // a global option: stdout carries only the paths
        AutoCloseable logs = accounts.get(0).onlyPrintFilenames ? LogOutput.toStderr() : () -> { };
        int[] codes = new int[accounts.size()];
        WebPage page = new WebPage(Clock.systemUTC()); // one for the run: every account that wants it has a card
        accounts.forEach(a -> a.webPage = page);
        try {
            for (int i = 0; i < accounts.size(); i++) {
                SyncCommand account = accounts.get(i);
                if (accounts.size() > 1) {
                    LOG.info("Account {} of {}: {}", i + 1, accounts.size(), account.username);
                }
                codes[i] = account.prepare(accounts.size() > 1 ? "-" + (i + 1) : "");
                if (account.routes != null) {
                    syncing.add(account);
                }
            }
            if (!syncing.isEmpty()) {
                List<Optional<Exception>> failures;
                try {
                    failures = BundledRoutes.run(syncing.stream().map(a -> a.routes).toList(),
                            syncing.get(0).watchSeconds(), rounds);
                } catch (Exception e) {
                    failures = syncing.stream().map(a -> Optional.of(e)).toList();
                }
                for (int i = 0; i < syncing.size(); i++) {
                    codes[accounts.indexOf(syncing.get(i))] = syncing.get(i).finish(failures.get(i));
                }
            }
            for (int i = 0; i < accounts.size(); i++) {
                worst = Math.max(worst, codes[i]);
                if (accounts.size() > 1) {
                    accounts.get(i).summary(codes[i]);
                }
            }
            return worst;
        } finally {
            accounts.forEach(SyncCommand::close);
            page.close();
            close(logs);
        }
    }

    long watchSeconds() {
        return watchWithInterval == null ? 0 : watchWithInterval;
    }

    /** The account's last line in a run of several: what reached its destinations, or that it failed. */
    private void summary(int code) {
        String name = TerminalText.clean(String.valueOf(username));
        if (code != 0) {
            LOG.error("{}: failed (exit code {}), see above", name, code);
        } else if (routes != null) {
            LOG.info("{}: {}", name, routes.passes().summary());
        } else {
            LOG.info("{}: done", name);
        }
    }

    /**
     * Checks the options and signs in; for a sync, leaves {@link #routes} set ({@code suffix} tells its routes from
     * other accounts'). Returns the exit code of what ended here (a usage error, a failed sign-in, --auth-only, the
     * listings).
     */
    private int prepare(String suffix) {
        applyLogLevel();
        ICloudConfiguration config = syncConfiguration();
        Map<String, String> remotes;
        Map<String, String> state;
        Optional<WebUiSettings> webUi;
        NotifySettings notify;
        try {
            ICloudSyncSettings.from(config, Clock.systemDefaultZone());
            validate();
            deletionOptions.validate();
            remotes = destinationOptions.routeProperties();
            state = stateOptions.routeProperties(stateDirectory());
            state.putAll(clusterOptions.routeProperties(state, watchWithInterval != null || authOnly));
            notificationOptions.validate();
            webUi = authOptions.webUiWanted() ? Optional.of(authOptions.webUiSettings()) : Optional.empty();
            notify = notifyOptions.settings();
            if (authOptions.mfaProvider == AuthOptions.MfaProviderKind.telegram && notify.telegramToken().isEmpty()) {
                throw new IllegalArgumentException("--mfa-provider telegram needs the bot: --notify-telegram-token"
                        + " (or TELEGRAM_BOT_TOKEN) and --notify-telegram-chat");
            }
        } catch (IllegalArgumentException e) {
            return UsageErrors.report(e.getMessage());
        }
        try {
            if (demo) {
                simulator = startDemoSimulator();
            } else if (username == null) {
                return UsageErrors.report("Missing --username. Pass your Apple ID (--username me@icloud.com), or try"
                        + " --demo to run against the built-in simulator.");
            }
            if (directory == null && (remotes.isEmpty() || onlyPrintFilenames) && !authOnly && !listLibraries
                    && !listAlbums && !listSharedAlbums) {
                return UsageErrors.report("Missing --directory: where should the photos go? (e.g. --directory"
                        + " ~/Pictures/iCloud, or --s3-bucket / --sftp-uri)");
            }
            notifications = AccountNotifications.start(notify, username);
            notificationOptions.alsoNotify(notifications.enabled()); // before the alert routes are made
            MfaAlertRoutes alerts = notificationOptions.routes(suffix);
            notificationOptions.applyTo(config, alerts);
            signInAids = SignInAids.open(authOptions, webUi, webPage, username, password, interactive);
            signInAids.webPageAddress().ifPresent(config::setMfaWebPageUrl);
            cluster = openCluster(state);
            if (authOnly && cluster.isPresent()) {
                return codeForTheLeader(cluster.get());
            }
            ICloudClient client = clientBuilder(simulator).build();
            // a cluster node signs in when it leads the account (its routes' polls), a code typed here reaches it
            cluster.ifPresent(c -> signInAids.webMfa().ifPresent(page -> relay = new MfaCodeRelay(c.codes(),
                    username, page, signInAids::waitingOver).start()));
            AccountSession account = cluster.isPresent() ? null : signIn(client);
            signInAids.signedIn(account);
            if (authOnly) {
                checkPhotoLibrary(client);
                out.println("Authentication completed successfully");
                out.println(describe(account));
                return finish(Optional.empty());
            }
            // The library must be indexed before it is listed. A sync leaves that to the consumer: its full pass
            // checks (a first run, or a stored sync token Apple rejected), while an incremental pass does not ask,
            // since the library was indexed when its token was taken (issue 16: one request less per run). Shared
            // Albums, read by no pass that checks, keep the check here as before.
            boolean listing = listLibraries || listAlbums || listSharedAlbums;
            if (account != null && (listing || !sharedAlbums.isEmpty())) {
                client.awaitPhotosReady();
            }
            if (listLibraries) {
                LibraryCommands.listLibraries(client, out);
            } else if (listAlbums) {
                LibraryCommands.listAlbums(client, library, out);
            } else if (listSharedAlbums) {
                LibraryCommands.listSharedAlbums(client, out);
            } else {
                Map<String, String> properties = new LinkedHashMap<>();
                properties.put("icloud.username", username);
                properties.put("destinations.folder.enabled", String.valueOf(directory != null));
                if (directory != null) {
                    properties.put("file.directory", directory);
                    properties.put("icloud.set-exif-datetime", String.valueOf(setExifDatetime));
                }
                // the folder, S3 and SFTP alike (remote ones embed in a temporary file, then upload)
                properties.put("icloud.embed-metadata", String.valueOf(embedMetadata));
                properties.put("icloud.xmp-sidecar", String.valueOf(xmpSidecar));
                if (!onlyPrintFilenames) { // icloudpd prints the folder's paths; the remote routes stay off
                    properties.putAll(remotes);
                }
                properties.putAll(state);
                config.setUsername(username);
                config.setClient(client); // the routes' endpoints of this account start from these options
                RunPasses passes = new RunPasses(new ProgressBar(System.err, interactive && !noProgressBar)
                        .alsoTell(signInAids::progress), watchSeconds(),
                        deletionOptions.rounds(client, library, dryRun || onlyPrintFilenames),
                        notifications);
                routes = new BundledRoutes.Account(config, properties, passes, alerts, reliability.observability(),
                        signInAids.statusView(), suffix);
                return 0;
            }
            return finish(Optional.empty());
        } catch (Exception e) {
            return failed(e);
        }
    }

    /** The exit code of a run that ended with {@code failure}, or 0. */
    private int finish(Optional<Exception> failure) {
        if (failure.isPresent()) {
            return failed(failure.get());
        }
        signInAids.finished(0);
        return 0;
    }

    private int failed(Exception failure) {
        notifications.runFailed(failure);
        if (failure instanceof ICloudException || failure instanceof DestinationException) {
            LOG.error(failure.getMessage());
        } else if (failure instanceof org.apache.camel.FailedToCreateRouteException
                || failure instanceof org.apache.camel.FailedToStartRouteException) {
            LOG.error(Main.rootMessage(failure)); // a destination's settings (the route names what is wrong)
            LOG.debug("Routes did not start", failure);
        } else {
            LOG.error("{}: {}", failure.getClass().getSimpleName(), failure.getMessage(), failure);
        }
        return 1;
    }

    /** This node's part of the cluster, when the run is one (the database prepared, the key checked). */
    private Optional<ClusterState> openCluster(Map<String, String> state) {
        Optional<ClusterSettings> settings = ClusterOptions.settings(state, Map.of());
        try {
            return settings.map(ClusterState::open);
        } catch (IllegalStateException e) {
            throw new ICloudException(e.getMessage()); // the database: where and why, already said
        }
    }

    /**
     * {@code --auth-only} on a cluster node: the account's leader signs in; the code asked here (console, or the web
     * page) is handed to it through the database.
     */
    private int codeForTheLeader(ClusterState cluster) throws InterruptedException {
        MfaCodeProvider local = signInAids.mfa(new ConsoleMfaCodeProvider(in, out, !interactive));
        String leader = new AuthOnlyAnswer(cluster, username, Duration.ofMinutes(3)).run(local);
        out.println("Authentication completed successfully");
        out.println(TerminalText.clean("Node " + leader + " signed in as " + username + " and stored the session"
                + " for the cluster"));
        return finish(Optional.empty());
    }

    private void close() {
        if (relay != null) {
            relay.close();
        }
        notifications.close();
        if (simulator != null) {
            simulator.close();
        }
    }

    /**
     * Signs in; null when Apple wants a code (or a password) that cannot be had now and the sync's polls will
     * alert about it and retry (watch mode, or alerts configured): an expired trust must not end a watch.
     */
    private AccountSession signIn(ICloudClient client) {
        try {
            return client.signIn();
        } catch (MfaRequiredException | PasswordRequiredException e) {
            boolean sync = !authOnly && !listLibraries && !listAlbums && !listSharedAlbums && !onlyPrintFilenames;
            if (!sync || (watchWithInterval == null && !notificationOptions.enabled())) { // --notify-* included
                throw e;
            }
            LOG.debug("Sign-in needs the user; the sync alerts and retries at each poll", e);
            return null;
        }
    }

    /** Next to the session: the default cookie directory's sibling, or inside the one given. */
    private Path stateDirectory() {
        if (destinationOptions.stateDirectory != null) {
            return destinationOptions.stateDirectory;
        }
        if (cookieDirectory != null) {
            return cookieDirectory.resolve("camel-icloud-state");
        }
        return Path.of(System.getProperty("user.home"), ".camel-icloud", "state");
    }

    private void validate() {
        if (skipPhotos && skipVideos) {
            throw new IllegalArgumentException("--skip-photos and --skip-videos together would download nothing");
        }
    }

    /** The CLI flags as the {@code icloud:} endpoint's options (the same validation applies to both). */
    private ICloudConfiguration syncConfiguration() {
        ICloudConfiguration c = new ICloudConfiguration();
        c.setLibrary(library);
        c.setAlbums(albums.isEmpty() ? null : String.join(",", albums));
        c.setSharedAlbums(sharedAlbums.isEmpty() ? null : String.join(",", sharedAlbums));
        c.setSizes(sizes.isEmpty() ? "original" : sizes.stream().map(String::trim).collect(Collectors.joining(",")));
        c.setForceSize(forceSize);
        c.setLivePhotoSize(livePhotoSize);
        c.setLivePhotoMovFilenamePolicy(livePhotoMovFilenamePolicy);
        c.setAlignRaw(alignRaw);
        c.setFileMatchPolicy(fileMatchPolicy);
        c.setKeepUnicodeInFilenames(keepUnicode);
        c.setSkipVideos(skipVideos);
        c.setSkipPhotos(skipPhotos);
        c.setSkipLivePhotos(skipLivePhotos);
        c.setSkipCreatedBefore(skipCreatedBefore);
        c.setSkipCreatedAfter(skipCreatedAfter);
        c.setRecent(recent);
        c.setUntilFound(untilFound);
        c.setDryRun(dryRun);
        c.setOnlyPrintFilenames(onlyPrintFilenames);
        c.setFolderStructure(folderStructure);
        c.setUnfiledFolder(unfiledFolder);
        c.setUseOsLocale(useOsLocale);
        if (threadsNum != null) {
            c.setConcurrency(threadsNum);
        }
        c.setMaxRetries(Math.max(0, maxRetries));
        c.setRetryDelaySeconds(Math.max(0, retryDelaySeconds));
        incrementalOptions.applyTo(c, stateDirectory());
        deletionOptions.applyTo(c);
        return c;
    }

    private static void close(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ICloudClient.Builder clientBuilder(ICloudSimulator simulator) {
        Duration firstDelay = Duration.ofSeconds(Math.max(0, retryDelaySeconds));
        MfaCodeProvider mfa = simulator != null && !interactive ? new DemoMfaCodeProvider(simulator.mfaCode())
                : new ConsoleMfaCodeProvider(in, out, !interactive);
        ICloudClient.Builder b = ICloudClient.builder().username(username).domain(domain)
                .password(signInAids.passwords()).mfaCodeProvider(notifications.mfa(signInAids.mfa(mfa),
                        authOptions.mfaProvider == AuthOptions.MfaProviderKind.telegram))
                .askForCodeAfterExpiry(authOptions.mfaProvider != AuthOptions.MfaProviderKind.console)
                .retryPolicy(new RetryPolicy(Math.max(0, maxRetries) + 1, firstDelay, Duration.ofMinutes(2)))
                .readinessPolicy(new RetryPolicy(12, firstDelay.multipliedBy(6), Duration.ofMinutes(5)));
        if (cookieDirectory != null) {
            b.cookieDirectory(cookieDirectory);
        }
        reliability.apply(b);
        cluster.ifPresent(c -> c.applyTo(b, username)); // the session, alert state and codes of the cluster
        return b;
    }

    /**
     * Auth-only also makes sure the photo library answers: waits while Apple prepares it, and fails on the
     * settings a user must change (ADP, security keys, setup). Anything else is only a warning here.
     */
    private void checkPhotoLibrary(ICloudClient client) {
        try {
            client.awaitPhotosReady();
        } catch (WebAccessDisabledException | SecurityKeyNotSupportedException | ServiceNotActivatedException
                | LibraryNotReadyException e) {
            throw e;
        } catch (ICloudException e) {
            LOG.warn("Signed in, but could not check the photo library: {}", e.getMessage());
        }
    }

    private String describe(AccountSession account) {
        String trust = account.trustExpiresAt().map(this::describeExpiry)
                .orElse("no trust expiry reported (no MFA trust in use)");
        return TerminalText.clean("Signed in as " + account.appleId() + (account.fullName().isEmpty() ? "" : " ("
                + account.fullName() + ")")) + "; " + trust;
    }

    private String describeExpiry(Instant expiry) {
        long days = Math.round(Duration.between(Instant.now(), expiry).toHours() / 24.0);
        return "MFA trust expires " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                .withZone(ZoneId.systemDefault()).format(expiry) + " (in " + days + " days)";
    }

    private ICloudSimulator startDemoSimulator() {
        ICloudSimulator simulator = ICloudSimulator.builder().assets(DEMO_ASSETS).build();
        simulator.start();
        LOG.info("Demo: iCloud simulator running at {} (account {} / {}, verification code {})",
                simulator.baseUrl(), DEMO_USER, DEMO_PASSWORD, simulator.mfaCode());
        domain = simulator.baseUrl();
        if (username == null) {
            username = DEMO_USER;
            password = DEMO_PASSWORD;
        }
        if (cookieDirectory == null) {
            try {
                cookieDirectory = Files.createTempDirectory("camel-icloud-demo");
            } catch (IOException e) {
                throw new ICloudException("Cannot create a temporary cookie directory for the demo: " + e.getMessage());
            }
        }
        return simulator;
    }

    private void applyLogLevel() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(logLevel.level);
    }

    /** icloudpd's levels, plus trace for protocol debugging (secrets are never logged). */
    enum LogLevel {
        debug(Level.DEBUG), info(Level.INFO), error(Level.ERROR), trace(Level.TRACE);

        private final Level level;

        LogLevel(Level level) {
            this.level = level;
        }
    }
}
