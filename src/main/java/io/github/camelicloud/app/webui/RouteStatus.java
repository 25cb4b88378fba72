package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.PassResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the status view shows of one route (an account to a destination): it hears the route's passes (the result
 * {@code RunPasses} also reads) and asks the route's scheduler about the next one.
 */
final class RouteStatus implements ICloudPassListener {

    /** An immutable view of the route for rendering. */
    record View(int id, String account, String destination, Optional<Instant> lastPassAt,
            Optional<PassResult> lastResult, Optional<String> lastFailure, boolean running, Optional<Instant> nextPass,
            Optional<Instant> trustExpiresAt) {

        boolean lastPassOk() {
            return lastFailure.isEmpty() && lastResult.map(PassResult::complete).orElse(false);
        }
    }

    private final int id;
    private final ICloudClient client;
    private final Supplier<String> destination;
    private final PassScheduler scheduler;
    private final Clock clock;
    private Instant lastPassAt;
    private PassResult lastResult;
    private String lastFailure;

    RouteStatus(int id, ICloudClient client, Supplier<String> destination, PassScheduler scheduler, Clock clock) {
        this.id = id;
        this.client = client;
        this.destination = destination;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public synchronized void passCompleted(PassResult result) {
        lastPassAt = clock.instant();
        lastResult = result;
        lastFailure = null;
    }

    @Override
    public synchronized void passFailed(Exception error) {
        lastPassAt = clock.instant();
        lastResult = null;
        lastFailure = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    boolean syncNow() {
        return scheduler.runNow();
    }

    synchronized View view() {
        return new View(id, client.username(), destination.get(), Optional.ofNullable(lastPassAt),
                Optional.ofNullable(lastResult), Optional.ofNullable(lastFailure), scheduler.running(),
                scheduler.nextPass(), client.currentSession().flatMap(AccountSession::trustExpiresAt));
    }
}
