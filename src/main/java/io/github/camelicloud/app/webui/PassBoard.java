package io.github.camelicloud.app.webui;

import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.ICloudRouteHooks;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The status view's routes: every {@code icloud:} consumer of the sync's Camel context, as it is created (before it
 * starts; add the board to the context's {@link ICloudRouteHooks}), gets a {@link RouteStatus} listening to its
 * passes and a {@link PassScheduler} that can start its next pass now.
 */
public final class PassBoard implements ICloudRouteHooks.Hook {

    private final Clock clock;
    private final List<RouteStatus> routes = new CopyOnWriteArrayList<>();

    public PassBoard(Clock clock) {
        this.clock = clock;
    }

    /**
     * The status of one route (an {@link ICloudRouteHooks.Hook}): its consumer gets a scheduler that can start the
     * next pass now; a consumer that does not poll on a schedule has no status.
     */
    @Override
    public synchronized List<ICloudPassListener> listenersFor(ICloudRouteHooks.ICloudRoute route) {
        if (!(route.consumer() instanceof ScheduledPollConsumer consumer)) {
            return List.of();
        }
        PassScheduler scheduler = new PassScheduler(clock);
        consumer.setScheduler(scheduler);
        RouteStatus status = new RouteStatus(routes.size(), route.endpoint(), route.id(), scheduler, clock);
        routes.add(status);
        return List.of(status);
    }

    List<RouteStatus.View> views() {
        return routes.stream().map(RouteStatus::view).toList();
    }

    /** "Sync now" for the route with {@code id}; false when there is no such route or it runs no more passes. */
    boolean syncNow(int id) {
        return id >= 0 && id < routes.size() && routes.get(id).syncNow();
    }
}
