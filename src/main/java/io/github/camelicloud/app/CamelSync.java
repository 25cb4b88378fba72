package io.github.camelicloud.app;

import io.github.camelicloud.app.destination.DeliveredState;
import io.github.camelicloud.app.destination.Destination;
import io.github.camelicloud.app.destination.DestinationException;
import io.github.camelicloud.app.destination.RemoteDelivery;
import io.github.camelicloud.app.destination.RemoteUpload;
import io.github.camelicloud.app.observe.Observability;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.component.ICloudComponent;
import io.github.camelicloud.component.ICloudConfiguration;
import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.component.ICloudEndpoint;
import io.github.camelicloud.component.ICloudFileFinisher;
import io.github.camelicloud.component.ICloudPartFile;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.PassResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's sync: real Camel routes, run for one pass (or for ever, in watch mode). One route per
 * destination, each with its own {@code icloud:} consumer sharing the one signed-in client:
 * {@code icloud:photos → file:} (temporary name, renamed when complete, creation time as modification
 * time), {@code icloud:photos → aws2-s3:}, {@code icloud:photos → sftp:}.
 *
 * <p>Why one consumer per destination rather than a multicast: a download stream can be read once, and
 * each destination has its own record of what it holds, so each one streams its own copy straight
 * from iCloud — memory stays flat, a slow or broken destination neither holds back nor duplicates the
 * others, and a failure is retried on the next pass for that destination only. The cost is one download
 * per destination and file.
 */
final class CamelSync {

    private static final Logger LOG = LoggerFactory.getLogger(CamelSync.class);

    /** Where the files go: a local folder and/or remote destinations, and where their records live. */
    record Targets(Optional<String> directory, ICloudFileFinisher finisher, List<Destination> remotes,
            DeliveredState state) {
    }

    private CamelSync() {
    }

    /**
     * Runs the routes, each endpoint with a copy of {@code options}, and the {@code alerts} routes. Returns
     * after one pass of every route, or, with {@code watchSeconds > 0}, never (until the process is stopped). Throws when iCloud
     * failed or a destination did not receive every file.
     */
    static void run(ICloudClient client, Targets targets, long watchSeconds, ProgressBar progress,
            ICloudConfiguration options, DeletionRounds deletions, RoutesBuilder alerts,
            Optional<Observability> observability) throws Exception {
        int routes = (targets.directory().isPresent() ? 1 : 0) + targets.remotes().size();
        CountDownLatch firstPasses = new CountDownLatch(routes);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<String> incomplete = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<RemoteDelivery> deliveries = new ArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getShutdownStrategy().setTimeout(30); // seconds; the passes are over when we stop
            camel.addRoutes(alerts); // where the consumers' MFA alerts go (options.getMfaAlertUri())
            if (observability.isPresent()) {
                observability.get().install(camel, client);
            }
            boolean reporter = true; // the first route shows the progress bar and the pass summary
            if (targets.directory().isPresent()) {
                String directory = targets.directory().get();
                ICloudEndpoint icloud = icloud(camel, client, "file", options, watchSeconds);
                icloud.getConfiguration().setDirectory(directory);
                icloud.getConfiguration().setResumePartialDownloads(true);
                icloud.addPassListener(deletions.route()); // first: a round's deletions end before the pass report
                icloud.addPassListener(new PassReport(progress, watchSeconds, firstPasses, failure, incomplete));
                reporter = false;
                // icloudpd's <base32 checksum>.part, appended to (a killed run's bytes are resumed), renamed when whole
                String target = "file:" + Path.of(directory).toAbsolutePath() + "?fileName=${header."
                        + ICloudConstants.PART_FILE + "}&fileExist=Append&keepLastModified=true&autoCreate=true";
                ICloudPartFile complete = new ICloudPartFile(Path.of(directory));
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(noErrorHandler());
                        from(icloud).routeId("icloud-to-file")
                                .doTry()
                                    .to(target).process(complete).process(targets.finisher())
                                .doCatch(Exception.class)
                                    .process(e -> removeEmptyPartFile(directory, e))
                                .end();
                    }
                });
            }
            ProducerTemplate uploads = camel.createProducerTemplate();
            int n = 0;
            for (Destination destination : targets.remotes()) {
                String id = destination.kind() + (n++ == 0 ? "" : "-" + n);
                ICloudEndpoint icloud = icloud(camel, client, id, options, watchSeconds);
                IdempotentRepository delivered = targets.state().open(client.username(),
                        icloud.getConfiguration().getLibrary(), destination);
                camel.addService(delivered);
                icloud.getConfiguration().setIdempotentRepository(delivered);
                RemoteDelivery delivery = new RemoteDelivery(destination, camel, delivered, options.isDryRun());
                deliveries.add(delivery);
                icloud.addPassListener(deletions.route());
                icloud.addPassListener(delivery);
                icloud.setDestinationName(destination.name());
                icloud.addPassListener(reporter ? new PassReport(progress, watchSeconds, firstPasses, failure, incomplete)
                        : new FirstPass(firstPasses, failure, incomplete, watchSeconds));
                reporter = false;
                RemoteUpload upload = new RemoteUpload(delivery, uploads, RemoteUpload.endpointOf(destination, camel));
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(noErrorHandler());
                        from(icloud).routeId("icloud-to-" + id).process(upload);
                    }
                });
            }
            camel.start();
            if (watchSeconds > 0) {
                awaitInterrupt(); // watch mode: until the process or the calling thread is stopped
            } else {
                firstPasses.await();
            }
            camel.stop();
        } finally {
            deliveries.forEach(RemoteDelivery::close);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (deletions.failure().isPresent()) {
            throw deletions.failure().get();
        }
        if (!incomplete.isEmpty()) {
            throw new DestinationException(String.join("; ", incomplete) + ". They are sent on the next run", null);
        }
    }

    /** A download that failed midway leaves no temporary file behind; the failure goes on to the consumer. */
    /**
     * A download that failed before its first byte leaves no empty part file behind (icloudpd leaves nothing
     * either); a part with bytes in it stays, for the next run to resume.
     */
    private static void removeEmptyPartFile(String directory, Exchange exchange) throws Exception {
        String part = exchange.getMessage().getHeader(ICloudConstants.PART_FILE, String.class);
        if (part != null) {
            Path file = Path.of(directory).resolve(part);
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                Files.delete(file);
            }
        }
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /** Returns, with the interrupt cleared so Camel can stop cleanly, when the thread is interrupted. */
    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            LOG.info("Watch mode stopped");
        }
    }

    /** A consumer of its own for one destination, sharing the signed-in client. */
    private static ICloudEndpoint icloud(CamelContext camel, ICloudClient client, String destination,
            ICloudConfiguration options, long watchSeconds) throws Exception {
        ICloudComponent component = camel.getComponent("icloud", ICloudComponent.class);
        ICloudConfiguration config = options.copy();
        config.setUsername(client.username());
        config.setClient(client);
        ICloudEndpoint icloud = new ICloudEndpoint("icloud:photos?username=" + client.username() + "&destination="
                + destination, component, config);
        icloud.setInitialDelay(0);
        icloud.setDelay(Math.max(1, watchSeconds) * 1000);
        if (watchSeconds <= 0) {
            icloud.setRepeatCount(1); // run once: a route done early must not poll again while others finish
        }
        icloud.setExceptionHandler(new DebugExceptionHandler()); // pass listeners report failures to the user
        return icloud;
    }

    /** Counts a route's first pass down and keeps the first iCloud failure (run-once mode). */
    private static class FirstPass implements ICloudPassListener {
        private final CountDownLatch firstPasses;
        private final AtomicReference<Exception> failure;
        private final List<String> incomplete;
        private final AtomicBoolean counted = new AtomicBoolean();
        final long watchSeconds;

        FirstPass(CountDownLatch firstPasses, AtomicReference<Exception> failure, List<String> incomplete,
                long watchSeconds) {
            this.firstPasses = firstPasses;
            this.failure = failure;
            this.incomplete = incomplete;
            this.watchSeconds = watchSeconds;
        }

        @Override
        public void passCompleted(PassResult result) {
            if (counted.compareAndSet(false, true)) {
                if (!result.complete()) {
                    incomplete.add(result.destination() + " did not receive " + result.failed() + " files");
                }
                firstPasses.countDown();
            }
        }

        @Override
        public void passFailed(Exception error) {
            if (watchSeconds > 0) {
                return;
            }
            failure.compareAndSet(null, error);
            if (counted.compareAndSet(false, true)) {
                firstPasses.countDown();
            }
        }
    }

    /**
     * The first route also tells the user how the pass goes, as icloudpd does. The folder's summary line
     * counts local files; remote destinations log their own.
     */
    private static final class PassReport extends FirstPass {
        private final ProgressBar progress;

        PassReport(ProgressBar progress, long watchSeconds, CountDownLatch firstPasses,
                AtomicReference<Exception> failure, List<String> incomplete) {
            super(firstPasses, failure, incomplete, watchSeconds);
            this.progress = progress;
        }

        @Override
        public void progress(int assetsDone, long total) {
            progress.show(assetsDone, total);
        }

        @Override
        public void passCompleted(PassResult result) {
            progress.done();
            if (watchSeconds > 0) {
                LOG.info("Waiting for {} sec...", watchSeconds);
            }
            super.passCompleted(result);
        }

        @Override
        public void passFailed(Exception error) {
            if (watchSeconds > 0) {
                LOG.error("{} Waiting for {} sec...", error.getMessage(), watchSeconds);
            }
            super.passFailed(error);
        }
    }

    private static final class DebugExceptionHandler implements ExceptionHandler {
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
    }
}
