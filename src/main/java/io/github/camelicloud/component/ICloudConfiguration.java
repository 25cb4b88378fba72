package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.sync.NumericOption;
import java.time.Duration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Options of the {@code icloud:} component and its endpoints, with icloudpd's names and defaults where
 * icloudpd has the option. Set once on the component ({@code camel.component.icloud.*}) and copied per
 * endpoint.
 */
@UriParams
public class ICloudConfiguration implements Cloneable {

    /** Files downloaded at the same time unless told otherwise (see {@link #setConcurrency}). */
    public static final int DEFAULT_CONCURRENCY = 8;

    @UriParam(label = "common")
    @Metadata(required = true)
    private String username;
    @UriParam(label = "security", secret = true)
    private String password;
    @UriParam(label = "common", defaultValue = "com")
    private String domain = "com";
    @UriParam(label = "common")
    private String cookieDirectory;
    @UriParam(label = "advanced")
    private String traceFile;
    @UriParam(label = "common", defaultValue = "PrimarySync")
    private String library = "PrimarySync";
    @UriParam(label = "consumer")
    private String albums;
    @UriParam(label = "consumer")
    private String sharedAlbums;
    @UriParam(label = "consumer")
    private String directory;
    @UriParam(label = "consumer", defaultValue = "{:%Y/%m/%d}")
    private String folderStructure = "{:%Y/%m/%d}";
    @UriParam(label = "consumer", defaultValue = "Unfiled")
    private String unfiledFolder = "Unfiled";
    @UriParam(label = "consumer", defaultValue = "original")
    private String sizes = "original";
    @UriParam(label = "consumer")
    private boolean forceSize;
    @UriParam(label = "consumer", defaultValue = "original", enums = "original,medium,thumb")
    private String livePhotoSize = "original";
    @UriParam(label = "consumer", defaultValue = "suffix", enums = "suffix,original")
    private String livePhotoMovFilenamePolicy = "suffix";
    @UriParam(label = "consumer", defaultValue = "as-is", enums = "as-is,original,alternative")
    private String alignRaw = "as-is";
    @UriParam(label = "consumer", defaultValue = "name-size-dedup-with-suffix",
            enums = "name-size-dedup-with-suffix,name-id7")
    private String fileMatchPolicy = "name-size-dedup-with-suffix";
    @UriParam(label = "consumer")
    private boolean keepUnicodeInFilenames;
    @UriParam(label = "consumer")
    private boolean skipVideos;
    @UriParam(label = "consumer")
    private boolean skipPhotos;
    @UriParam(label = "consumer")
    private boolean skipLivePhotos;
    @UriParam(label = "consumer")
    private String skipCreatedBefore;
    @UriParam(label = "consumer")
    private String skipCreatedAfter;
    @UriParam(label = "consumer")
    private Integer recent;
    @UriParam(label = "consumer")
    private Integer untilFound;
    @UriParam(label = "consumer")
    private boolean dryRun;
    @UriParam(label = "consumer")
    private boolean onlyPrintFilenames;
    @UriParam(label = "consumer")
    private boolean useOsLocale;
    @UriParam(label = "consumer")
    private boolean autoDelete;
    @UriParam(label = "consumer")
    private boolean deleteAfterDownload;
    @UriParam(label = "consumer")
    private Integer keepRecentDays;
    @UriParam(label = "consumer", defaultValue = "100")
    private int pageSize = 100;
    @UriParam(label = "consumer", defaultValue = "8")
    private int concurrency = DEFAULT_CONCURRENCY;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "true")
    private boolean incrementalSync = true;
    @UriParam(label = "consumer")
    private String stateDirectory;
    @UriParam(label = "consumer")
    private boolean resumePartialDownloads;
    @UriParam(label = "producer", defaultValue = "listAssets")
    private ICloudOperations operation = ICloudOperations.listAssets;
    @UriParam(label = "advanced")
    private ICloudClient client;
    @UriParam(label = "advanced")
    private MfaCodeProvider mfaCodeProvider;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "5")
    private int retryDelaySeconds = 5;
    @UriParam(label = "consumer")
    private String mfaAlertUri;
    @UriParam(label = "consumer", defaultValue = "7")
    private int mfaExpiryWarningDays = 7;
    @UriParam(label = "consumer")
    private String mfaWebPageUrl;
    @UriParam(label = "advanced", defaultValue = "30")
    private int connectTimeoutSeconds = 30;
    @UriParam(label = "advanced", defaultValue = "60")
    private int readTimeoutSeconds = 60;

    /** The back-off these options describe: maxRetries retries, from retryDelaySeconds doubling to 2 minutes. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(Math.max(0, maxRetries) + 1, Duration.ofSeconds(Math.max(0, retryDelaySeconds)),
                Duration.ofMinutes(2));
    }

    public ICloudConfiguration copy() {
        try {
            return (ICloudConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getUsername() {
        return username;
    }

    /** The Apple ID. */
    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    /** The password; only needed when the stored session can no longer be used. */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getDomain() {
        return domain;
    }

    /** com (iCloud.com), cn (iCloud.com.cn) or the base URL of a compatible server such as the simulator. */
    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getCookieDirectory() {
        return cookieDirectory;
    }

    /**
     * Where the session is kept (default: .camel-icloud/cookies in the home folder); an icloudpd session
     * there is reused.
     */
    public void setCookieDirectory(String cookieDirectory) {
        this.cookieDirectory = cookieDirectory;
    }

    public String getTraceFile() {
        return traceFile;
    }

    /**
     * Writes every request to Apple and its answer to this file (HAR 1.2, owner-only), with passwords, codes,
     * tokens, cookies and signed URLs masked and photo bytes left out: what to attach when sign-in breaks.
     */
    public void setTraceFile(String traceFile) {
        this.traceFile = traceFile;
    }

    public String getLibrary() {
        return library;
    }

    /** The library: PrimarySync or a Shared Library (SharedSync-...). */
    public void setLibrary(String library) {
        this.library = library;
    }

    public String getAlbums() {
        return albums;
    }

    /**
     * Albums to sync, comma-separated (default: the whole library); all: every user album, each into its own folder
     * ({album} in folderStructure, put first when missing), and the photos in no album into unfiledFolder.
     */
    public void setAlbums(String albums) {
        this.albums = albums;
    }

    public String getSharedAlbums() {
        return sharedAlbums;
    }

    /**
     * Shared Albums to download instead of the library, comma-separated, or all: each into its own folder ({album}
     * in folderStructure, put first when missing), {contributor} the folder of who added a photo.
     */
    public void setSharedAlbums(String sharedAlbums) {
        this.sharedAlbums = sharedAlbums;
    }

    /** Whether this endpoint downloads Shared Albums (not the library). */
    public boolean sharedAlbumsSelected() {
        return sharedAlbums != null && !sharedAlbums.isBlank();
    }

    /**
     * The library a destination's record of what it holds is kept under: Shared Albums have their own, so a library
     * pass's clean-up never takes their files for its own.
     */
    public String recordLibrary() {
        return sharedAlbumsSelected() ? "SharedStreams" : library;
    }

    public String getDirectory() {
        return directory;
    }

    /**
     * A local folder to compare with, as icloudpd does: files already there (same name and size) are not
     * emitted, and a different size gets a -SIZE name. Leave empty for other destinations.
     */
    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public String getFolderStructure() {
        return folderStructure;
    }

    /**
     * Folder layout from the creation date, a Python format such as {:%Y/%m/%d}, or none; {album} is the album's
     * folder (e.g. {album}/{:%Y}): every user album (or those of albums) into its own folder, nested album folders
     * nested, a photo in several albums in each (linked or copied at the destination, not downloaded again).
     */
    public void setFolderStructure(String folderStructure) {
        this.folderStructure = folderStructure;
    }

    public String getUnfiledFolder() {
        return unfiledFolder;
    }

    /** With {album} in folderStructure and every album: the folder for the photos in no album. */
    public void setUnfiledFolder(String unfiledFolder) {
        this.unfiledFolder = unfiledFolder;
    }

    public String getSizes() {
        return sizes;
    }

    /** Versions to deliver, comma-separated: original, medium, thumb, adjusted, alternative. */
    public void setSizes(String sizes) {
        this.sizes = sizes;
    }

    public boolean isForceSize() {
        return forceSize;
    }

    /** Only the requested sizes: no fallback to the original when a size is missing. */
    public void setForceSize(boolean forceSize) {
        this.forceSize = forceSize;
    }

    public String getLivePhotoSize() {
        return livePhotoSize;
    }

    /** Size of the live-photo video: original, medium or thumb. */
    public void setLivePhotoSize(String livePhotoSize) {
        this.livePhotoSize = livePhotoSize;
    }

    public String getLivePhotoMovFilenamePolicy() {
        return livePhotoMovFilenamePolicy;
    }

    /** suffix: IMG_1_HEVC.MOV for HEIC live photos; original: always IMG_1.MOV. */
    public void setLivePhotoMovFilenamePolicy(String livePhotoMovFilenamePolicy) {
        this.livePhotoMovFilenamePolicy = livePhotoMovFilenamePolicy;
    }

    public String getAlignRaw() {
        return alignRaw;
    }

    /** For RAW and JPEG pairs, which counts as the original: as-is, original (the RAW) or alternative (the JPEG). */
    public void setAlignRaw(String alignRaw) {
        this.alignRaw = alignRaw;
    }

    public String getFileMatchPolicy() {
        return fileMatchPolicy;
    }

    /** name-size-dedup-with-suffix (icloudpd's default) or name-id7 (an id part in every name). */
    public void setFileMatchPolicy(String fileMatchPolicy) {
        this.fileMatchPolicy = fileMatchPolicy;
    }

    public boolean isKeepUnicodeInFilenames() {
        return keepUnicodeInFilenames;
    }

    /** Keep non-ASCII characters in file names (icloudpd drops them by default). */
    public void setKeepUnicodeInFilenames(boolean keepUnicodeInFilenames) {
        this.keepUnicodeInFilenames = keepUnicodeInFilenames;
    }

    public boolean isSkipVideos() {
        return skipVideos;
    }

    /** Do not deliver videos. */
    public void setSkipVideos(boolean skipVideos) {
        this.skipVideos = skipVideos;
    }

    public boolean isSkipPhotos() {
        return skipPhotos;
    }

    /** Do not deliver photos. */
    public void setSkipPhotos(boolean skipPhotos) {
        this.skipPhotos = skipPhotos;
    }

    public boolean isSkipLivePhotos() {
        return skipLivePhotos;
    }

    /** Do not deliver the videos of live photos. */
    public void setSkipLivePhotos(boolean skipLivePhotos) {
        this.skipLivePhotos = skipLivePhotos;
    }

    public String getSkipCreatedBefore() {
        return skipCreatedBefore;
    }

    /** Skip assets created before this ISO date/instant, or this long ago (e.g. 20d). */
    public void setSkipCreatedBefore(String skipCreatedBefore) {
        this.skipCreatedBefore = skipCreatedBefore;
    }

    public String getSkipCreatedAfter() {
        return skipCreatedAfter;
    }

    /** Skip assets created after this ISO date/instant, or this long ago (e.g. 2d). */
    public void setSkipCreatedAfter(String skipCreatedAfter) {
        this.skipCreatedAfter = skipCreatedAfter;
    }

    public Integer getRecent() {
        return recent;
    }

    /** Only the N most recent assets of each album listed (each album folder, the unfiled folder, each Shared Album). */
    public void setRecent(Integer recent) {
        this.recent = NumericOption.RECENT.checkEndpoint(recent);
    }

    public Integer getUntilFound() {
        return untilFound;
    }

    /** Stop an album's pass after N consecutive assets whose files are already at the destination. */
    public void setUntilFound(Integer untilFound) {
        this.untilFound = NumericOption.UNTIL_FOUND.checkEndpoint(untilFound);
    }

    /** True with onlyPrintFilenames too: printing is a dry run. */
    public boolean isDryRun() {
        return dryRun || onlyPrintFilenames;
    }

    /** Log what would be delivered, deliver nothing. */
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public boolean isOnlyPrintFilenames() {
        return onlyPrintFilenames;
    }

    /**
     * A dry run that prints the path of each file that would be delivered on standard output, one per line, instead
     * of logging it (icloudpd's --only-print-filenames): the same plan as the real pass, record and clashes included.
     */
    public void setOnlyPrintFilenames(boolean onlyPrintFilenames) {
        this.onlyPrintFilenames = onlyPrintFilenames;
    }

    public boolean isUseOsLocale() {
        return useOsLocale;
    }

    /** Month and day names in folders in the system's language (default English). */
    public void setUseOsLocale(boolean useOsLocale) {
        this.useOsLocale = useOsLocale;
    }

    public boolean isAutoDelete() {
        return autoDelete;
    }

    /**
     * After each pass, delete the files of every asset in iCloud's Recently Deleted album from the folder
     * (icloudpd's --auto-delete): all sizes and live-photo videos, in the folder structure.
     */
    public void setAutoDelete(boolean autoDelete) {
        this.autoDelete = autoDelete;
    }

    public boolean isDeleteAfterDownload() {
        return deleteAfterDownload;
    }

    /**
     * Move an asset to Recently Deleted in iCloud once all its files were delivered in this pass
     * (icloudpd's --delete-after-download). An asset whose files were already there is kept.
     */
    public void setDeleteAfterDownload(boolean deleteAfterDownload) {
        this.deleteAfterDownload = deleteAfterDownload;
    }

    public Integer getKeepRecentDays() {
        return keepRecentDays;
    }

    /**
     * Move every selected asset at least this many days old to Recently Deleted in iCloud once the
     * destination holds all its files (icloudpd's --keep-icloud-recent-days; 0 = every one).
     */
    public void setKeepRecentDays(Integer keepRecentDays) {
        this.keepRecentDays = NumericOption.KEEP_RECENT_DAYS.checkEndpoint(keepRecentDays);
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Assets per batch: exchanges are created and processed a page at a time, so memory stays flat. */
    public void setPageSize(int pageSize) {
        this.pageSize = NumericOption.PAGE_SIZE.checkEndpoint(pageSize);
    }

    public int getConcurrency() {
        return concurrency;
    }

    /**
     * Files downloaded (and routed) at the same time, across pages; 1 routes them one by one in icloudpd's order.
     * The default fills a link of 2.5 times one connection's cap (the network model's broadband and slow
     * profiles) even for the smallest photos, whose download is mostly the round trip (docs/DESIGN.md).
     */
    public void setConcurrency(int concurrency) {
        this.concurrency = NumericOption.CONCURRENCY.checkEndpoint(concurrency);
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers what was delivered (key: assetId:version:checksum); delivered content is not emitted
     * again, and an edited photo (new checksum) is.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public ICloudOperations getOperation() {
        return operation;
    }

    /** The producer's operation. */
    public void setOperation(ICloudOperations operation) {
        this.operation = operation;
    }

    public ICloudClient getClient() {
        return client;
    }

    /** A ready client to use instead of building one from the options (it is not closed by the endpoint). */
    public void setClient(ICloudClient client) {
        this.client = client;
    }

    public MfaCodeProvider getMfaCodeProvider() {
        return mfaCodeProvider;
    }

    /** Where verification codes come from when Apple asks for one (default: none, the poll then fails). */
    public void setMfaCodeProvider(MfaCodeProvider mfaCodeProvider) {
        this.mfaCodeProvider = mfaCodeProvider;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /** Retries when Apple throttles or a connection breaks. */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = NumericOption.MAX_RETRIES.checkEndpoint(maxRetries);
    }

    public int getRetryDelaySeconds() {
        return retryDelaySeconds;
    }

    /** First pause before a retry, doubled each time. */
    public void setRetryDelaySeconds(int retryDelaySeconds) {
        this.retryDelaySeconds = NumericOption.RETRY_DELAY.checkEndpoint(retryDelaySeconds);
    }

    public boolean isIncrementalSync() {
        return incrementalSync;
    }

    /**
     * After a first full pass, poll only what changed since (CloudKit's change feed from a stored sync token):
     * a poll with no changes costs one request. Used for whole-library syncs (no albums, recent, untilFound or
     * dryRun, no relative skipCreatedAfter); false lists the library in full on every poll.
     */
    public void setIncrementalSync(boolean incrementalSync) {
        this.incrementalSync = incrementalSync;
    }

    public String getStateDirectory() {
        return stateDirectory;
    }

    /**
     * Where the consumer keeps its sync token (one small owner-only file per account, library and destination).
     * Default: camel-icloud-state inside cookieDirectory; when neither is set, .camel-icloud/state in the home
     * folder if the endpoint signs in itself, and no incremental sync with an injected client.
     */
    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public boolean isResumePartialDownloads() {
        return resumePartialDownloads;
    }

    /**
     * With a directory: resume what an earlier run left in icloudpd's part file (<base32 checksum>.part next to the
     * file) with a Range request instead of downloading again from 0. The route must then append the body to the
     * CamelICloudPartFile header's path (file: with fileName=${header.CamelICloudPartFile}&fileExist=Append) and
     * rename it to CamelFileName when complete, as the ICloudPartFile processor does.
     */
    public void setResumePartialDownloads(boolean resumePartialDownloads) {
        this.resumePartialDownloads = resumePartialDownloads;
    }

    public String getMfaAlertUri() {
        return mfaAlertUri;
    }

    /**
     * Where MFA alerts go (e.g. direct:icloud-mfa-alert): one exchange when the trust will expire within
     * mfaExpiryWarningDays and one when Apple wants a code that cannot be had unattended, each once per change.
     * The body is a text for a person; headers CamelICloudMfaEvent, CamelICloudTrustExpiresAt, ...
     */
    public void setMfaAlertUri(String mfaAlertUri) {
        this.mfaAlertUri = mfaAlertUri;
    }

    public int getMfaExpiryWarningDays() {
        return mfaExpiryWarningDays;
    }

    /** How many days before the MFA trust ends the mfa-expiring alert is sent. */
    public void setMfaExpiryWarningDays(int mfaExpiryWarningDays) {
        this.mfaExpiryWarningDays = NumericOption.MFA_EXPIRY_WARNING_DAYS.checkEndpoint(mfaExpiryWarningDays);
    }

    public String getMfaWebPageUrl() {
        return mfaWebPageUrl;
    }

    /** The address of the MFA web page, named in the alerts as a way to re-authenticate. */
    public void setMfaWebPageUrl(String mfaWebPageUrl) {
        this.mfaWebPageUrl = mfaWebPageUrl;
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    /** How long to wait for a connection to Apple before the attempt counts as failed (and is retried). */
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = NumericOption.CONNECT_TIMEOUT.checkEndpoint(connectTimeoutSeconds);
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    /** How long an answer may go without a byte (a stalled download) before it is resumed from where it was. */
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = NumericOption.READ_TIMEOUT.checkEndpoint(readTimeoutSeconds);
    }
}
