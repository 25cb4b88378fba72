package io.github.camelicloud.component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * The one place a Camel context's {@code icloud:} routes are heard as they are created: a route policy factory
 * registered once per context ({@link #of}), which asks every {@link Hook} added to it for the pass listeners of each
 * route, after its consumer is created and before it starts. The CLI's run, its watch rounds, the web page's status
 * view and the application's notifications all listen this way.
 */
public final class ICloudRouteHooks implements RoutePolicyFactory {

    /** An {@code icloud:} route being created: its id, its endpoint and its (not yet started) consumer. */
    public record ICloudRoute(String id, ICloudEndpoint endpoint, Consumer consumer) {
    }

    /** Gives the listeners of one route's passes (none: an empty list); it may also set up the route's consumer. */
    @FunctionalInterface
    public interface Hook {
        List<ICloudPassListener> listenersFor(ICloudRoute route);
    }

    private final List<Hook> hooks = new CopyOnWriteArrayList<>();

    private ICloudRouteHooks() {
    }

    /** The hooks of {@code camel}, registered with it on first use; call before the routes are created. */
    public static ICloudRouteHooks of(CamelContext camel) {
        synchronized (camel) {
            for (RoutePolicyFactory f : camel.getRoutePolicyFactories()) {
                if (f instanceof ICloudRouteHooks hooks) {
                    return hooks;
                }
            }
            ICloudRouteHooks hooks = new ICloudRouteHooks();
            camel.addRoutePolicyFactory(hooks);
            return hooks;
        }
    }

    /** Asked about every route created from now on, after the hooks added before it. */
    public void add(Hook hook) {
        hooks.add(hook);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode node) {
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route route) {
                if (route.getEndpoint() instanceof ICloudEndpoint icloud) {
                    ICloudRoute created = new ICloudRoute(route.getRouteId(), icloud, route.getConsumer());
                    for (Hook hook : hooks) {
                        hook.listenersFor(created).forEach(icloud::addPassListener);
                    }
                }
            }
        };
    }
}
