package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.auth.AccountSession;
import io.github.camelicloud.component.ICloudEndpoint;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.PassResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
    private final ICloudEndpoint endpoint;
    private final String routeId;
    private final PassScheduler scheduler;
    private final Clock clock;
    private Instant lastPassAt;
    private PassResult lastResult;
    private String lastFailure;

    RouteStatus(int id, ICloudEndpoint endpoint, String routeId, PassScheduler scheduler, Clock clock) {
        this.id = id;
        this.endpoint = endpoint;
        this.routeId = routeId;
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

    /** The endpoint's client and destination name are set as the route starts: asked when shown. */
    synchronized View view() {
        Optional<ICloudClient> client = Optional.ofNullable(endpoint.client());
        return new View(id, client.map(ICloudClient::username).orElse(""),
                Optional.ofNullable(endpoint.getDestinationName()).orElse(routeId), Optional.ofNullable(lastPassAt),
                Optional.ofNullable(lastResult), Optional.ofNullable(lastFailure), scheduler.running(),
                scheduler.nextPass(), client.flatMap(ICloudClient::currentSession)
                        .flatMap(AccountSession::trustExpiresAt));
    }
}
