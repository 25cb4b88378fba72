package io.github.camelicloud.app.webui;

import io.github.camelicloud.component.ICloudEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The status view's routes: every {@code icloud:} consumer of the sync's Camel context, as it is added (before it
 * starts), gets a {@link RouteStatus} listening to its passes and a {@link PassScheduler} that can start its next
 * pass now.
 */
public final class PassBoard {

    private final Clock clock;
    private final List<RouteStatus> routes = new CopyOnWriteArrayList<>();

    public PassBoard(Clock clock) {
        this.clock = clock;
    }

    /** Watches {@code camel}'s routes; call before it starts. */
    public void install(CamelContext camel) {
        camel.addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onServiceAdd(CamelContext context, Service service, Route route) {
                if (route != null && service instanceof ScheduledPollConsumer consumer && !consumer.isStarted()
                        && consumer.getEndpoint() instanceof ICloudEndpoint icloud) {
                    add(consumer, icloud, route.getRouteId());
                }
            }
        });
    }

    private synchronized void add(ScheduledPollConsumer consumer, ICloudEndpoint icloud, String routeId) {
        PassScheduler scheduler = new PassScheduler(clock);
        consumer.setScheduler(scheduler);
        RouteStatus status = new RouteStatus(routes.size(), icloud, routeId, scheduler, clock);
        icloud.addPassListener(status);
        routes.add(status);
    }

    List<RouteStatus.View> views() {
        return routes.stream().map(RouteStatus::view).toList();
    }

    /** "Sync now" for the route with {@code id}; false when there is no such route or it runs no more passes. */
    boolean syncNow(int id) {
        return id >= 0 && id < routes.size() && routes.get(id).syncNow();
    }
}
