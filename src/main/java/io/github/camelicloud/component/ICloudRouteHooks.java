package io.github.camelicloud.component;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.StatefulService;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The one place a Camel context's {@code icloud:} routes are heard as they are created: a lifecycle strategy
 * registered once per context ({@link #of}), which asks every {@link Hook} added to it for the pass listeners of each
 * route as its consumer is added, before it starts (a route policy's onInit comes before the consumer exists). The CLI's run, its watch rounds, the web page's status
 * view and the application's notifications all listen this way.
 */
public final class ICloudRouteHooks extends LifecycleStrategySupport {

    /** An {@code icloud:} route being created: its id, its endpoint and its (not yet started) consumer. */
    public record ICloudRoute(String id, ICloudEndpoint endpoint, Consumer consumer) {
    }

    /** Gives the listeners of one route's passes (none: an empty list); it may also set up the route's consumer. */
    @FunctionalInterface
    public interface Hook {
        List<ICloudPassListener> listenersFor(ICloudRoute route);
    }

    private final List<Hook> hooks = new CopyOnWriteArrayList<>();
    /** A route started again adds its consumer again: it keeps the listeners it has. */
    private final Set<Consumer> heard = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private ICloudRouteHooks() {
    }

    /** The hooks of {@code camel}, registered with it on first use; call before the routes are created. */
    public static ICloudRouteHooks of(CamelContext camel) {
        synchronized (camel) {
            for (LifecycleStrategy s : camel.getLifecycleStrategies()) {
                if (s instanceof ICloudRouteHooks hooks) {
                    return hooks;
                }
            }
            ICloudRouteHooks hooks = new ICloudRouteHooks();
            camel.addLifecycleStrategy(hooks);
            return hooks;
        }
    }

    /** Asked about every route created from now on, after the hooks added before it. */
    public void add(Hook hook) {
        hooks.add(hook);
    }

    @Override
    public void onServiceAdd(CamelContext camel, Service service, Route route) {
        if (route != null && service instanceof Consumer consumer
                && consumer.getEndpoint() instanceof ICloudEndpoint icloud
                && !(service instanceof StatefulService s && s.isStarted()) && heard.add(consumer)) {
            ICloudRoute created = new ICloudRoute(route.getRouteId(), icloud, consumer);
            for (Hook hook : hooks) {
                hook.listenersFor(created).forEach(icloud::addPassListener);
            }
        }
    }
}
