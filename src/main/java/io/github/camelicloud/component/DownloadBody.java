package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.ResumingDownloadStream;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.IOHelper;

/** Puts a version's download stream in an exchange's body, closed when the exchange is done whatever happened. */
final class DownloadBody {

    private DownloadBody() {
    }

    static void attach(Exchange exchange, ICloudClient client, AssetVersion version, ICloudConfiguration config,
            String name) {
        ResumingDownloadStream body = new ResumingDownloadStream(client.downloader(), version, config.retryPolicy(),
                name);
        exchange.getMessage().setBody(body);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                IOHelper.close(body);
            }
        });
    }
}
