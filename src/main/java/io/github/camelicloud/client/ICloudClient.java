package io.github.camelicloud.client;

import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.client.auth.Authenticator;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.http.Endpoints;
import io.github.camelicloud.client.http.HarTrace;
import io.github.camelicloud.client.http.ICloudHttp;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.client.http.TraceRecorder;
import io.github.camelicloud.client.photos.AssetDownloader;
import io.github.camelicloud.client.photos.CloudKitDatabase;
import io.github.camelicloud.client.photos.PhotosService;
import io.github.camelicloud.client.photos.SharedStreams;
import io.github.camelicloud.client.mfa.NotifiedState;
import io.github.camelicloud.client.session.FileSessionStore;
import io.github.camelicloud.client.session.SessionKey;
import io.github.camelicloud.client.session.SessionState;
import io.github.camelicloud.client.session.SessionStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the Camel-free iCloud client for one account: signs in (reusing a stored session when
 * Apple still accepts it), keeps the session, and runs calls with one silent re-sign-in when the
 * session expires mid-run. Thread-safe; build one per account and share it.
 */
public final class ICloudClient {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudClient.class);

    private final String username;
    private final ICloudHttp http;
    private final Authenticator authenticator;
    private final MfaCodeProvider mfa;
    private final boolean askForCodeAfterExpiry;
    private final RetryPolicy readinessPolicy;
    private final RetryPolicy retryPolicy;
    private final Path sessionFile;
    private final NotifiedState alertState;
    private volatile AccountSession account;
    private volatile boolean photosReady;
    /** The primary library's zone: {@code PrimarySync} until Apple says that zone does not exist. */
    private volatile String primaryZone = PhotosService.PRIMARY;
    /** A renewal found that Apple wants a code: the next {@link #account()} signs in with the code provider. */
    private volatile boolean codeNeeded;

    private ICloudClient(Builder b) {
        this.username = b.username;
        SessionStore store = b.sessionStore != null ? b.sessionStore : new FileSessionStore(b.cookieDirectory, b.username);
        this.sessionFile = store instanceof FileSessionStore file ? file.sessionFile() : null;
        this.alertState = b.alertState != null ? b.alertState
                : sessionFile != null ? NotifiedState.nextTo(sessionFile) : NotifiedState.IN_MEMORY;
        SessionState session = SessionState.load(store);
        this.http = new ICloudHttp(b.okHttp != null ? b.okHttp : ICloudHttp.defaultClient(b.connectTimeout,
                b.readTimeout), session,
                Endpoints.forDomain(b.domain), b.retryPolicy, b.clock);
        if (b.traceFile != null) {
            http.addListener(new TraceRecorder(HarTrace.open(b.traceFile), session, b.username));
        }
        this.authenticator = new Authenticator(http, b.username, b.password, b.clock);
        this.mfa = b.mfa;
        this.askForCodeAfterExpiry = b.askForCodeAfterExpiry;
        this.readinessPolicy = b.readinessPolicy;
        this.retryPolicy = b.retryPolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String username() {
        return username;
    }

    public ICloudHttp http() {
        return http;
    }

    /** Where the session is kept, when it is kept in a file (the default). */
    public Optional<Path> sessionFile() {
        return Optional.ofNullable(sessionFile);
    }

    /** Where the MFA state last alerted about is kept: next to the session file, or where the builder said. */
    public NotifiedState alertState() {
        return alertState;
    }

    /** Signs in, asking the configured {@link MfaCodeProvider} for a code when Apple demands one. */
    public synchronized AccountSession signIn() {
        reloadIfSignedInElsewhere();
        account = authenticator.authenticate(mfa);
        codeNeeded = false;
        return account;
    }

    /** The session, if signed in (no sign-in happens here): for health checks. */
    public Optional<AccountSession> currentSession() {
        return Optional.ofNullable(account);
    }

    /**
     * The signed-in session, signing in first if needed (once, when several threads ask at the same time).
     * When another run (a user's {@code --auth-only}) replaced the stored session, it is taken over and checked
     * without asking for a code, so what this returns (e.g. the trust's expiry) is the new session's.
     */
    public AccountSession account() {
        AccountSession current = account;
        if (current == null || codeNeeded) {
            synchronized (this) {
                return account != null && !codeNeeded ? account : signIn();
            }
        }
        SessionState session = http.session();
        Optional<String> token = session.get(SessionKey.SESSION_TOKEN);
        Optional<String> trust = session.get(SessionKey.TRUST_TOKEN);
        if (session.reloadIfChangedElsewhere() && (!token.equals(session.get(SessionKey.SESSION_TOKEN))
                || !trust.equals(session.get(SessionKey.TRUST_TOKEN)))) {
            return takeOverStoredSession(); // a new sign-in, not just refreshed cookies of another client
        }
        return current;
    }

    private synchronized AccountSession takeOverStoredSession() {
        LOG.info("Using the session stored by another sign-in of {} (e.g. --auth-only)", username);
        account = authenticator.authenticate(MfaCodeProvider.NONE);
        return account;
    }

    /**
     * Signs in again without asking for a code, after Apple said the session expired mid-run: a
     * still-trusted session needs none. If a code would be needed, this fails with
     * {@link MfaRequiredException}.
     */
    public synchronized void renewSession() {
        LOG.info("The iCloud session expired; signing in again");
        reloadIfSignedInElsewhere();
        try {
            account = authenticator.authenticate(MfaCodeProvider.NONE);
        } catch (MfaRequiredException e) {
            // this call fails (the caller can alert); with a provider that can wait unattended (a web page),
            // the next account() asks it for the code
            codeNeeded = askForCodeAfterExpiry;
            throw e;
        }
    }

    /** A user's {@code --auth-only} run while this one waits for a new trust: its session is the one to use. */
    private void reloadIfSignedInElsewhere() {
        if (http.session().reloadIfChangedElsewhere()) {
            LOG.info("Using the session stored by another sign-in of {} (e.g. --auth-only)", username);
        }
    }

    /** The Photos service of the signed-in account. */
    public PhotosService photos() {
        AccountSession session = account();
        return new PhotosService(database(session, "private"), database(session, "shared"));
    }

    /** The Shared Albums the account owns or subscribes to (the {@code sharedstreams} web service). */
    public SharedStreams sharedStreams() {
        AccountSession session = account();
        String url = session.sharedStreamsUrl().orElseThrow(() -> new ServiceNotActivatedException(
                "the account has no sharedstreams web service (Shared Albums are off)", 0, "ServiceNotActivated"));
        return new SharedStreams(http, url, session.dsid(), this::renewSession);
    }

    /** Streams and resumes downloads of asset versions, with the client's retry policy. */
    public AssetDownloader downloader() {
        return new AssetDownloader(http, retryPolicy);
    }

    /** The account's private Photos database. */
    public CloudKitDatabase privateDatabase() {
        return database(account(), "private");
    }

    private CloudKitDatabase database(AccountSession session, String scope) {
        String url = session.cloudKitUrl().orElseThrow(() -> new ServiceNotActivatedException(
                "the account has no ckdatabasews web service", 0, "ServiceNotActivated"));
        return new CloudKitDatabase(http, url, scope, authenticator.clientId(), session.dsid(), this::renewSession);
    }

    /**
     * Waits until the photo library answers web requests: the first-run "Bad Request (400)" and an
     * unfinished index are retried with back-off; every other error is thrown at once.
     */
    public void awaitPhotosReady() {
        if (photosReady) {
            return; // a library Apple has prepared stays prepared: no check on every poll
        }
        for (int attempt = 1; ; attempt++) {
            try {
                privateDatabase().checkIndexingState(primaryZone);
                photosReady = true;
                return;
            } catch (ServiceNotActivatedException e) {
                if (!e.code().filter("ZONE_NOT_FOUND"::equals).isPresent() || !primaryZone.equals(PhotosService.PRIMARY)) {
                    throw e;
                }
                // a migrated account: its primary zone is PrimarySync1 or another PrimarySync* (icloudpd PR #1367)
                String discovered = photos().library(PhotosService.PRIMARY).name();
                if (discovered.equals(primaryZone)) {
                    throw e;
                }
                primaryZone = discovered;
                attempt--;
            } catch (LibraryNotReadyException e) {
                if (attempt >= readinessPolicy.maxAttempts()) {
                    throw e;
                }
                Duration delay = readinessPolicy.delayBefore(attempt + 1, Optional.empty());
                LOG.warn("{} Retrying in {} s (attempt {}/{}).", e.getMessage(), Math.max(1, delay.toSeconds()),
                        attempt + 1, readinessPolicy.maxAttempts());
                ICloudHttp.sleep(delay);
            }
        }
    }

    /** Configuration of a client; only the username is required. */
    public static final class Builder {
        private String username;
        private Supplier<Optional<String>> password = Optional::empty;
        private String domain = "com";
        private Path cookieDirectory = defaultCookieDirectory();
        private SessionStore sessionStore;
        private NotifiedState alertState;
        private MfaCodeProvider mfa = MfaCodeProvider.NONE;
        private boolean askForCodeAfterExpiry;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RetryPolicy readinessPolicy = new RetryPolicy(12, Duration.ofSeconds(30), Duration.ofMinutes(5));
        private OkHttpClient okHttp;
        private Duration connectTimeout = ICloudHttp.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = ICloudHttp.DEFAULT_READ_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Path traceFile;

        private Builder() {
        }

        /** {@code ~/.camel-icloud/cookies}: kept apart from icloudpd's {@code ~/.pyicloud} on purpose. */
        public static Path defaultCookieDirectory() {
            return Path.of(System.getProperty("user.home"), ".camel-icloud", "cookies");
        }

        public Builder username(String username) {
            this.username = Objects.requireNonNull(username, "username");
            return this;
        }

        /** Asked only when a full sign-in is needed; a stored session needs no password. */
        public Builder password(Supplier<Optional<String>> password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** {@code com}, {@code cn} or the base URL of a compatible server (the simulator). */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        public Builder cookieDirectory(Path cookieDirectory) {
            this.cookieDirectory = Objects.requireNonNull(cookieDirectory, "cookieDirectory");
            return this;
        }

        public Builder sessionStore(SessionStore sessionStore) {
            this.sessionStore = Objects.requireNonNull(sessionStore, "sessionStore");
            return this;
        }

        /** Where the MFA state last alerted about is kept; default: next to the session file. */
        public Builder alertState(NotifiedState alertState) {
            this.alertState = Objects.requireNonNull(alertState, "alertState");
            return this;
        }

        public Builder mfaCodeProvider(MfaCodeProvider mfa) {
            this.mfa = Objects.requireNonNull(mfa, "mfa");
            return this;
        }

        /** Back-off for throttled answers (503/429) and broken connections. */
        /**
         * When the trust expires mid-run, ask the {@link #mfaCodeProvider} for a code at the next
         * {@link ICloudClient#account()} (for a provider that can wait unattended, such as a web page) instead of
         * failing until another sign-in stores a new session. Default: false.
         */
        public Builder askForCodeAfterExpiry(boolean ask) {
            this.askForCodeAfterExpiry = ask;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Back-off while a library is being prepared for web access (first run). */
        public Builder readinessPolicy(RetryPolicy readinessPolicy) {
            this.readinessPolicy = Objects.requireNonNull(readinessPolicy, "readinessPolicy");
            return this;
        }

        /** Share one OkHttp client (connection pool) between accounts. */
        public Builder okHttpClient(OkHttpClient okHttp) {
            this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
            return this;
        }

        /**
         * How long to wait for a connection, and for the next byte of an answer (default 30 s and 60 s); a call
         * that times out is retried like a broken connection. Ignored when an OkHttp client is given.
         */
        public Builder timeouts(Duration connect, Duration read) {
            ICloudHttp.checkTimeouts(connect, read); // fails now, not at the first call
            this.connectTimeout = connect;
            this.readTimeout = read;
            return this;
        }

        /**
         * Writes every request and answer to {@code file} (HAR 1.2, owner-only), secrets masked and file bytes left
         * out: what a user attaches when sign-in breaks. Accounts naming the same file share it.
         */
        public Builder traceFile(Path file) {
            this.traceFile = Objects.requireNonNull(file, "traceFile");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ICloudClient build() {
            if (username == null || username.isBlank()) {
                throw new ICloudException("An Apple ID is required: pass --username (e.g. --username me@icloud.com)");
            }
            return new ICloudClient(this);
        }
    }
}
