package io.github.camelicloud.app.notify;

import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.ICloudRouteHooks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Camel application's notifications: a bean (application.properties' {@code camel.beans.*}) that gives each
 * {@code icloud:} route of an account the account's pass events (through the context's {@link ICloudRouteHooks}),
 * sent to the channels the {@code notify.*} properties name. Without such a property it does nothing.
 */
public final class AppNotifications implements ICloudRouteHooks.Hook, CamelContextAware {

    private final Map<String, PassEvents> accounts = new HashMap<>();
    private CamelContext camel;
    private Optional<Notifications> channels;
    private NotifySettings settings;

    /** camel-main binds the bean, and tells it the context, before the routes are created. */
    @Override
    public void setCamelContext(CamelContext camel) {
        if (this.camel == camel) {
            return; // heard once per context, however often it is told
        }
        this.camel = camel;
        ICloudRouteHooks.of(camel).add(this);
    }

    @Override
    public CamelContext getCamelContext() {
        return camel;
    }

    @Override
    public List<ICloudPassListener> listenersFor(ICloudRouteHooks.ICloudRoute route) {
        return events(route.endpoint().getConfiguration().getUsername()).map(e -> List.of(e.route()))
                .orElse(List.of());
    }

    private synchronized Optional<PassEvents> events(String account) {
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
