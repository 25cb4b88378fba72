package io.github.camelicloud.app.notify;

import io.github.camelicloud.component.ICloudEndpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Camel application's notifications: a route policy factory (application.properties' {@code camel.beans.*},
 * which camel-main adds to every route) that gives each {@code icloud:} route of an account the account's pass
 * events, sent to the channels the {@code notify.*} properties name. Without such a property it does nothing.
 */
public final class AppNotifications implements RoutePolicyFactory, CamelContextAware {

    private final Map<String, PassEvents> accounts = new HashMap<>();
    private final Set<String> routes = ConcurrentHashMap.newKeySet();
    private CamelContext camel;
    private Optional<Notifications> channels;
    private NotifySettings settings;

    /** camel-main binds the bean before the routes start; it does not add bean route policy factories itself. */
    @Override
    public void setCamelContext(CamelContext camel) {
        if (this.camel == camel) {
            return; // adding the factory tells it the context again
        }
        this.camel = camel;
        if (!camel.getRoutePolicyFactories().contains(this)) {
            camel.addRoutePolicyFactory(this);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode route) {
        if (!routes.add(routeId)) {
            return null; // a route hears its events once, however the factory was registered
        }
        return new RoutePolicySupport() {
            @Override
            public void onInit(Route created) {
                if (created.getEndpoint() instanceof ICloudEndpoint icloud) {
                    events(camel, icloud.getConfiguration().getUsername())
                            .ifPresent(e -> icloud.addPassListener(e.route()));
                }
            }
        };
    }

    private synchronized Optional<PassEvents> events(CamelContext camel, String account) {
        if (channels == null) {
            settings = NotifySettings.from(key -> camel.getPropertiesComponent().resolveProperty(key)
                    .filter(v -> !v.isBlank()));
            channels = Optional.empty();
            if (settings.any()) {
                try {
                    Notifications started = Notifications.start(settings);
                    channels = Optional.of(started);
                    camel.addService(new ServiceSupport() {
                        @Override
                        protected void doStop() {
                            started.close();
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException("The notification routes did not start: " + e.getMessage(), e);
                }
            }
        }
        return channels.map(c -> accounts.computeIfAbsent(account, a -> new PassEvents(a, c,
                settings.newPhotoDigest())));
    }
}
