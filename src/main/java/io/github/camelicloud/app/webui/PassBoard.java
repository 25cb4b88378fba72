package io.github.camelicloud.app.webui;

import io.github.camelicloud.component.ICloudEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The status view's routes: added to every {@code icloud:} route as it is created (a Camel route policy), each gets
 * a {@link RouteStatus} listening to its passes and a {@link PassScheduler} that can start its next pass now.
 */
public final class PassBoard implements RoutePolicyFactory {

    private final Clock clock;
    private final List<RouteStatus> routes = new CopyOnWriteArrayList<>();

    public PassBoard(Clock clock) {
        this.clock = clock;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode node) {
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route route) {
                if (route.getEndpoint() instanceof ICloudEndpoint icloud
                        && route.getConsumer() instanceof ScheduledPollConsumer consumer) {
                    PassScheduler scheduler = new PassScheduler(clock);
                    consumer.setScheduler(scheduler);
                    // the destination step names itself as the route is built: asked when shown
                    RouteStatus status = new RouteStatus(routes.size(), icloud.client(),
                            () -> icloud.getDestinationName() == null ? routeId : icloud.getDestinationName(),
                            scheduler, clock);
                    icloud.addPassListener(status);
                    routes.add(status);
                }
            }
        };
    }

    List<RouteStatus.View> views() {
        return routes.stream().map(RouteStatus::view).toList();
    }

    /** "Sync now" for the route with {@code id}; false when there is no such route or it runs no more passes. */
    boolean syncNow(int id) {
        return id >= 0 && id < routes.size() && routes.get(id).syncNow();
    }
}
