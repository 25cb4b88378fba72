package io.github.camelicloud.app;

import io.github.camelicloud.app.destination.DestinationException;
import io.github.camelicloud.app.notify.AccountNotifications;
import io.github.camelicloud.component.ICloudEndpoint;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.ICloudRouteHooks;
import io.github.camelicloud.component.PassResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the CLI hears from the bundled routes, added to every {@code icloud:} route of an account as it is created
 * ({@link ICloudRouteHooks}): the deletions across destinations, the progress bar and "Waiting for N sec..." (from
 * the first route), and each route's first pass — run-once mode ends when every route finished one, with exit 1 when
 * a pass failed or left a file undelivered.
 */
final class RunPasses {

    private static final Logger LOG = LoggerFactory.getLogger(RunPasses.class);

    private final ProgressBar progress;
    private final long watchSeconds;
    private final DeletionRounds deletions;
    private final List<CompletableFuture<PassResult>> firstPasses = new CopyOnWriteArrayList<>();
    private final AccountNotifications notifications;

    RunPasses(ProgressBar progress, long watchSeconds, DeletionRounds deletions, AccountNotifications notifications) {
        this.progress = progress;
        this.watchSeconds = watchSeconds;
        this.deletions = deletions;
        this.notifications = notifications;
    }

    /** The listeners of one of the account's routes (an {@link ICloudRouteHooks.Hook}). */
    List<ICloudPassListener> listenersFor(ICloudRouteHooks.ICloudRoute route) {
        ICloudEndpoint.reportFailuresElsewhere(route.consumer());
        List<ICloudPassListener> listeners = new ArrayList<>();
        listeners.add(deletions.route()); // first: a round's deletions end before the pass is reported
        // before the first pass's end is awaited: a run-once mode sends its events before it exits
        notifications.route().ifPresent(listeners::add);
        listeners.add(new FirstPass(firstPasses.isEmpty()));
        return listeners;
    }

    /** The icloud: routes of the run. */
    int routes() {
        return firstPasses.size();
    }

    /** The summary lines of the routes' first passes (what each destination received), joined. */
    String summary() {
        return firstPasses.stream().map(f -> f.getNow(null)).filter(java.util.Objects::nonNull)
                .map(PassResult::summary).collect(java.util.stream.Collectors.joining("; "));
    }

    /** Until every route finished its first pass, failed ones included (throwIfIncomplete reports them). */
    void awaitFirstPasses() {
        CompletableFuture.allOf(firstPasses.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    }

    /** The first failed pass, else every destination that did not receive a file; then the deletions' failure. */
    void throwIfIncomplete() throws Exception {
        StringBuilder incomplete = new StringBuilder();
        for (CompletableFuture<PassResult> f : firstPasses) {
            if (f.isCompletedExceptionally()) {
                try {
                    f.join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw (Exception) e.getCause();
                }
            }
            PassResult r = f.getNow(null);
            if (r != null && !r.complete()) {
                incomplete.append(incomplete.length() == 0 ? "" : "; ").append(r.destination())
                        .append(" did not receive ").append(r.failed()).append(r.failed() == 1 ? " file" : " files");
            }
        }
        if (incomplete.length() > 0) {
            throw new DestinationException(incomplete + ". They are sent on the next run", null);
        }
        if (deletions.failure().isPresent()) {
            throw deletions.failure().get();
        }
    }

    /** One route's first pass; the first route also shows the progress and the watch's pause. */
    private final class FirstPass implements ICloudPassListener {
        private final CompletableFuture<PassResult> first = new CompletableFuture<>();
        private final boolean reporter;

        FirstPass(boolean reporter) {
            this.reporter = reporter;
            firstPasses.add(first);
        }

        @Override
        public void progress(int assetsDone, long total) {
            if (reporter) {
                progress.show(assetsDone, total);
            }
        }

        @Override
        public void passCompleted(PassResult result) {
            if (reporter) {
                progress.done();
                if (watchSeconds > 0) {
                    LOG.info("Waiting for {} sec...", watchSeconds);
                }
            }
            first.complete(result);
        }

        @Override
        public void passFailed(Exception error) {
            if (watchSeconds > 0) {
                if (reporter) {
                    LOG.error("{} Waiting for {} sec...", error.getMessage(), watchSeconds);
                }
                return;
            }
            first.completeExceptionally(error);
        }
    }
}
