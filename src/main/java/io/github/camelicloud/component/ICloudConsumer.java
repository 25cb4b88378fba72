package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.PhotoAlbum;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.client.photos.ResumingDownloadStream;
import io.github.camelicloud.sync.Delivery;
import io.github.camelicloud.sync.LocalFiles;
import io.github.camelicloud.sync.SyncPass;
import io.github.camelicloud.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a library: each poll is one pass over the selected albums (icloudpd's loop), handed to the route
 * a page of assets at a time — one exchange per file, its body the download stream, opened when the
 * route reads it and closed when the exchange completes. Errors propagate, so Camel's back-off and the
 * consumer health check see them.
 */
public class ICloudConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudConsumer.class);

    private final ICloudEndpoint endpoint;
    private ExecutorService downloads;

    public ICloudConsumer(ICloudEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        ICloudConfiguration config = endpoint.getConfiguration();
        try {
            SyncSettings settings = ICloudSyncSettings.from(config, Clock.systemDefaultZone());
            ICloudClient client = endpoint.client();
            client.account();
            client.awaitPhotosReady();
            forceConsumerAsReady();
            PhotoLibrary library = client.photos().library(config.getLibrary());
            Optional<LocalFiles> local = Optional.ofNullable(config.getDirectory()).map(d -> new LocalFiles(Path.of(d),
                    d, settings.naming().fileMatchPolicy()));
            int delivered = 0;
            SyncPass.Stats last = null;
            for (PhotoAlbum album : albums(library, config)) {
                SyncPass pass = new SyncPass(album.assets(), settings, local);
                long total = announce(album, settings, config);
                while (isRunAllowed() && !pass.finished()) {
                    delivered += processBatch(exchanges(pass.next(config.getPageSize()), album, library, client));
                    for (ICloudPassListener l : endpoint.passListeners()) {
                        l.progress(pass.stats().assets(), total);
                    }
                }
                last = pass.stats();
                LOG.info("All {} have been downloaded", phrase(settings, true));
            }
            for (ICloudPassListener l : endpoint.passListeners()) {
                l.passCompleted(last);
            }
            return delivered;
        } catch (Exception e) {
            for (ICloudPassListener l : endpoint.passListeners()) {
                l.passFailed(e);
            }
            throw e;
        }
    }

    private static List<PhotoAlbum> albums(PhotoLibrary library, ICloudConfiguration config) {
        if (config.getAlbums() == null || config.getAlbums().isBlank()) {
            return List.of(library.all());
        }
        return Arrays.stream(config.getAlbums().split(",")).map(String::trim).filter(a -> !a.isEmpty())
                .map(library::album).toList();
    }

    /** Logs icloudpd's "Looking up…" and "Downloading N …" lines; returns the asset count (-1 if unknown). */
    private long announce(PhotoAlbum album, SyncSettings settings, ICloudConfiguration config) {
        LOG.info("Looking up all {}{}...", phrase(settings, true),
                album.kind() == io.github.camelicloud.client.photos.AlbumKind.LIBRARY ? "" : " from album " + album.name());
        String count;
        boolean plural;
        long n = -1;
        if (settings.untilFound().isPresent()) {
            count = "???";
            plural = true;
        } else {
            n = settings.recent().map(Integer::longValue).orElseGet(album::count);
            plural = n != 1;
            count = n == 1 ? "the first" : n < 0 ? "???" : String.valueOf(n);
        }
        String sizes = config.getSizes().replace(" ", "");
        if (config.getDirectory() != null) {
            LOG.info("Downloading {} {} {} to {} ...", count, sizes, phrase(settings, plural), config.getDirectory());
        } else { // the destination's own route says where the files go
            LOG.info("Downloading {} {} {} ...", count, sizes, phrase(settings, plural));
        }
        return n;
    }

    /** icloudpd's "photos and videos" / "photos" / "videos", or the singular forms. */
    private static String phrase(SyncSettings settings, boolean plural) {
        if (settings.naming().skipVideos() || settings.naming().skipPhotos()) {
            String kind = settings.naming().skipVideos() ? "photo" : "video";
            return plural ? kind + "s" : kind;
        }
        return plural ? "photos and videos" : "photo or video";
    }

    private Queue<Object> exchanges(List<Delivery> deliveries, PhotoAlbum album, PhotoLibrary library,
            ICloudClient client) {
        ICloudConfiguration config = endpoint.getConfiguration();
        IdempotentRepository delivered = config.getIdempotentRepository();
        Queue<Object> exchanges = new LinkedList<>();
        for (Delivery d : deliveries) {
            if (delivered != null && delivered.contains(d.key())) {
                LOG.debug("{} was delivered before", d.relativePath());
                continue;
            }
            if (config.isDryRun()) {
                LOG.info("[DRY RUN] Would download {}", shown(d));
                continue;
            }
            exchanges.add(exchange(d, album, library, client, delivered));
        }
        return exchanges;
    }

    private String shown(Delivery d) {
        String dir = endpoint.getConfiguration().getDirectory();
        return dir == null ? d.relativePath() : dir + "/" + d.relativePath();
    }

    private Exchange exchange(Delivery d, PhotoAlbum album, PhotoLibrary library, ICloudClient client,
            IdempotentRepository delivered) {
        Exchange exchange = createExchange(true);
        Message m = exchange.getMessage();
        Asset asset = d.asset();
        m.setHeader(ICloudConstants.ASSET, asset);
        m.setHeader(ICloudConstants.ASSET_ID, asset.id());
        m.setHeader(ICloudConstants.RECORD_NAME, asset.recordName());
        m.setHeader(ICloudConstants.VERSION, d.label());
        m.setHeader(ICloudConstants.FILE_NAME, Path.of(d.relativePath()).getFileName().toString());
        m.setHeader(ICloudConstants.RELATIVE_PATH, d.relativePath());
        m.setHeader(ICloudConstants.SIZE, d.version().size());
        m.setHeader(Exchange.CONTENT_LENGTH, d.version().size());
        m.setHeader(Exchange.FILE_LENGTH, d.version().size());
        // whole seconds, as icloudpd sets file times
        m.setHeader(Exchange.FILE_LAST_MODIFIED, asset.created().getEpochSecond() * 1000);
        m.setHeader(ICloudConstants.CHECKSUM, d.version().checksum());
        m.setHeader(ICloudConstants.DELIVERY_KEY, d.key());
        m.setHeader(ICloudConstants.CREATED, asset.created());
        m.setHeader(ICloudConstants.ADDED, asset.added());
        m.setHeader(ICloudConstants.FILE_TYPE, d.version().fileType());
        m.setHeader(Exchange.CONTENT_TYPE, MediaTypes.of(d.version().fileType()));
        m.setHeader(ICloudConstants.ITEM_KIND, asset.kind().name());
        m.setHeader(ICloudConstants.FAVORITE, asset.favorite());
        m.setHeader(ICloudConstants.ALBUM, album.name());
        m.setHeader(ICloudConstants.LIBRARY, library.name());
        DownloadBody.attach(exchange, client, () -> library.refresh(asset), d.version(), endpoint.getConfiguration(),
                shown(d));
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                if (endpoint.getConfiguration().getDirectory() != null) {
                    LOG.info("Downloaded {}", shown(d)); // icloudpd's line for a local folder
                } else {
                    LOG.debug("Delivered {}", d.relativePath()); // the destination's route logs the upload
                }
                if (delivered != null) {
                    delivered.add(d.key());
                }
                for (ICloudPassListener l : endpoint.passListeners()) {
                    l.fileDelivered(d.relativePath(), d.version().size());
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                LOG.warn("Could not deliver {}: {}", shown(d), failed.getException() == null ? "unknown error"
                        : failed.getException().getMessage());
                for (ICloudPassListener l : endpoint.passListeners()) {
                    l.fileFailed(d.relativePath(), failed.getException());
                }
            }
        });
        return exchange;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        int concurrency = endpoint.getConfiguration().getConcurrency();
        if (concurrency > 1) {
            downloads = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "icloud-downloads", concurrency);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (downloads != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(downloads);
            downloads = null;
        }
        super.doStop();
    }

    /**
     * Routes the page's exchanges, {@code concurrency} at a time (each streams one download), and returns
     * when all are done so the next page starts from a clean slate. Exchanges a shutdown cut off are not
     * started; their bodies are closed.
     */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        List<Exchange> list = exchanges.stream().map(Exchange.class::cast).toList();
        int total = list.size();
        List<Future<?>> running = new ArrayList<>();
        int started = 0;
        for (; started < total && isBatchAllowed(); started++) {
            Exchange exchange = list.get(started);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, started);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, started == total - 1);
            pendingExchanges = total - started - 1;
            if (downloads == null) {
                deliver(exchange);
            } else {
                running.add(downloads.submit(() -> deliver(exchange)));
            }
        }
        for (Future<?> f : running) {
            f.get();
        }
        for (int i = started; i < total; i++) {
            if (list.get(i).getMessage().getBody() instanceof ResumingDownloadStream body) {
                IOHelper.close(body);
            }
        }
        return total;
    }

    private void deliver(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error delivering "
                    + exchange.getMessage().getHeader(Exchange.FILE_NAME), exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
