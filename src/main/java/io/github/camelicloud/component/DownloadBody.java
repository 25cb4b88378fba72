package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.ResumingDownloadStream;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;

/**
 * Puts a version's download stream in an exchange's body, closed when the exchange is done whatever
 * happened, and can give the exchange a fresh stream from byte 0 — what a destination needs to retry an
 * upload after part of the stream was already sent.
 */
public final class DownloadBody {

    private static final String SOURCE = "CamelICloudBodySource";

    private DownloadBody() {
    }

    /** Replaces the body with a new stream of the same version, from the start; false if the body is not ours. */
    @SuppressWarnings("unchecked")
    public static boolean reopen(Exchange exchange) {
        Supplier<ResumingDownloadStream> source = exchange.getProperty(SOURCE, Supplier.class);
        if (source == null) {
            return false;
        }
        if (exchange.getMessage().getBody() instanceof java.io.Closeable used) {
            IOHelper.close(used);
        }
        exchange.getMessage().setBody(source.get());
        return true;
    }

    /** @param refreshed the asset with fresh URLs, asked for only when the listed URL expired during a long run */
    static void attach(Exchange exchange, ICloudClient client, Supplier<Asset> refreshed, AssetVersion version,
            ICloudConfiguration config, String name) {
        attach(exchange, client, refreshed, version, config, name, 0, new OpenDownloads());
    }

    /**
     * @param startAt bytes an earlier run already saved: the body holds the rest (a reopen starts there too)
     * @param open    where the body is while the exchange streams it (a reopened one too)
     */
    static void attach(Exchange exchange, ICloudClient client, Supplier<Asset> refreshed, AssetVersion version,
            ICloudConfiguration config, String name, long startAt, OpenDownloads open) {
        Supplier<AssetVersion> fresh = () -> refreshed.get().version(version.type()).orElseThrow(
                () -> new ICloudException(name + " no longer has its " + version.type() + " version in iCloud"));
        Supplier<ResumingDownloadStream> source = () -> {
            ResumingDownloadStream body = new ResumingDownloadStream(client.downloader(), version, fresh,
                    config.retryPolicy(), name, startAt);
            open.add(body);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    open.remove(body);
                    IOHelper.close(body);
                }
            });
            return body;
        };
        exchange.setProperty(SOURCE, source);
        exchange.getMessage().setBody(source.get());
    }
}
