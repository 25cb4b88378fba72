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

/** Puts a version's download stream in an exchange's body, closed when the exchange is done whatever happened. */
final class DownloadBody {

    private DownloadBody() {
    }

    /** @param refreshed the asset with fresh URLs, asked for only when the listed URL expired during a long run */
    static void attach(Exchange exchange, ICloudClient client, Supplier<Asset> refreshed, AssetVersion version,
            ICloudConfiguration config, String name) {
        Supplier<AssetVersion> fresh = () -> refreshed.get().version(version.type()).orElseThrow(
                () -> new ICloudException(name + " no longer has its " + version.type() + " version in iCloud"));
        ResumingDownloadStream body = new ResumingDownloadStream(client.downloader(), version, fresh,
                config.retryPolicy(), name);
        exchange.getMessage().setBody(body);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                IOHelper.close(body);
            }
        });
    }
}
