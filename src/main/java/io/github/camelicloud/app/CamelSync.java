package io.github.camelicloud.app;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.component.ICloudConfiguration;
import io.github.camelicloud.component.ICloudEndpoint;
import io.github.camelicloud.component.ICloudFileFinisher;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.sync.SyncPass;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's sync: a real Camel route, {@code icloud:photos} → {@code file:}, run for one pass (or for
 * ever, in watch mode). Files are written under a temporary name and renamed when complete, with the
 * photo's creation time as modification time.
 */
final class CamelSync {

    private static final Logger LOG = LoggerFactory.getLogger(CamelSync.class);

    private CamelSync() {
    }

    /**
     * Runs the route; {@code configure} fills in the endpoint's options. Returns after one pass, or, with
     * {@code watchSeconds > 0}, never (until the process is stopped).
     */
    static void run(ICloudClient client, String directory, long watchSeconds, ICloudFileFinisher finisher,
            ProgressBar progress, Consumer<ICloudConfiguration> configure) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            ICloudEndpoint icloud = camel.getEndpoint("icloud:photos?username=" + client.username(),
                    ICloudEndpoint.class);
            ICloudConfiguration config = icloud.getConfiguration();
            config.setClient(client);
            config.setDirectory(directory);
            configure.accept(config);
            icloud.setInitialDelay(0);
            icloud.setExceptionHandler(new ExceptionHandler() { // the pass listener reports failures to the user
                @Override
                public void handleException(Throwable exception) {
                    LOG.debug("Poll failed", exception);
                }

                @Override
                public void handleException(String message, Throwable exception) {
                    LOG.debug(message, exception);
                }

                @Override
                public void handleException(String message, Exchange exchange, Throwable exception) {
                    LOG.debug(message, exception);
                }
            });
            icloud.setDelay(Math.max(1, watchSeconds) * 1000);
            CountDownLatch firstPass = new CountDownLatch(1);
            AtomicReference<Exception> failure = new AtomicReference<>();
            icloud.addPassListener(new ICloudPassListener() {
                @Override
                public void progress(int assetsDone, long total) {
                    progress.show(assetsDone, total);
                }

                @Override
                public void passCompleted(SyncPass.Stats stats) {
                    progress.done();
                    LOG.info("{} assets looked at: {} files delivered, {} already there, {} assets skipped",
                            stats.assets(), stats.deliveries(), stats.existingFiles(), stats.skippedAssets());
                    if (watchSeconds > 0) {
                        LOG.info("Waiting for {} sec...", watchSeconds);
                    }
                    firstPass.countDown();
                }

                @Override
                public void passFailed(Exception error) {
                    if (watchSeconds > 0) {
                        LOG.error("{} Waiting for {} sec...", error.getMessage(), watchSeconds);
                        return;
                    }
                    failure.set(error);
                    firstPass.countDown();
                }
            });
            String target = "file:" + Path.of(directory).toAbsolutePath() + "?tempFileName=${file:onlyname}.part"
                    + "&keepLastModified=true&fileExist=Override&autoCreate=true";
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(noErrorHandler());
                    from(icloud).routeId("icloud-to-file").to(target).process(finisher);
                }
            });
            camel.start();
            if (watchSeconds > 0) {
                new CountDownLatch(1).await();
            }
            firstPass.await();
            if (failure.get() instanceof ICloudException e) {
                throw e;
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }
    }
}
