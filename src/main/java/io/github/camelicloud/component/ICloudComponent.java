package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.ResumingDownloadStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StreamCachingStrategy;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code icloud:} component: iCloud Photos as a polling consumer and a producer of operations. */
@Component("icloud")
public class ICloudComponent extends HealthCheckComponent {

    static final String MFA_ALERT_URI_PROPERTY = "icloud.mfa-alert-uri";
    static final String MFA_WARNING_DAYS_PROPERTY = "icloud.mfa-expiry-warning-days";

    @Metadata
    private ICloudConfiguration configuration = new ICloudConfiguration();
    private final List<ICloudPassListener> passListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Signed-in clients by account, shared by the endpoints of that account. */
    private final Map<String, ICloudClient> clients = new ConcurrentHashMap<>();
    private final Map<String, ICloudMfaAlerts> mfaAlerts = new ConcurrentHashMap<>();
    private volatile ProducerTemplate alertTemplate;
    /** Options of one account's endpoints, by Apple ID in lower case: several accounts in one Camel context. */
    private final Map<String, ICloudConfiguration> accounts = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (!"photos".equals(remaining)) {
            throw new IllegalArgumentException("Unknown icloud endpoint '" + remaining + "': use icloud:photos?...");
        }
        Object username = parameters.get("username");
        ICloudConfiguration account = username == null ? null
                : accounts.get(username.toString().toLowerCase(Locale.ROOT));
        ICloudConfiguration copy = account != null ? account.copy() : alertDefaults(configuration.copy());
        ICloudEndpoint endpoint = new ICloudEndpoint(uri, this, copy);
        setProperties(endpoint, parameters);
        if (copy.getClient() == null && (copy.getUsername() == null || copy.getUsername().isBlank())) {
            throw new IllegalArgumentException("The icloud endpoint needs a username (the Apple ID), e.g."
                    + " icloud:photos?username=me@icloud.com, or a client bean (client=#myClient)");
        }
        return endpoint;
    }

    /**
     * The account's MFA alert settings, named once in application.properties ({@code icloud.mfa-alert-uri},
     * {@code icloud.mfa-expiry-warning-days}) rather than in every route: they apply to every endpoint; the
     * component's own {@code mfaAlertUri} and an endpoint's parameters win.
     */
    private ICloudConfiguration alertDefaults(ICloudConfiguration c) {
        var properties = getCamelContext().getPropertiesComponent();
        if (c.getMfaAlertUri() == null) {
            properties.resolveProperty(MFA_ALERT_URI_PROPERTY).filter(uri -> !uri.isBlank())
                    .ifPresent(c::setMfaAlertUri);
        }
        properties.resolveProperty(MFA_WARNING_DAYS_PROPERTY).filter(days -> !days.isBlank()).ifPresent(days -> {
            try {
                c.setMfaExpiryWarningDays(Integer.parseInt(days.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MFA_WARNING_DAYS_PROPERTY + " must be a number of days, got '"
                        + days + "'");
            }
        });
        return c;
    }

    /**
     * Camel caches stream bodies by default — in memory unless spooling is on — which would hold whole
     * videos. Download streams are read once, by the destination, so they are kept out of the cache.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        StreamCachingStrategy caching = getCamelContext().getStreamCachingStrategy();
        List<Class<?>> deny = new ArrayList<>();
        if (caching.getDenyClasses() != null) {
            deny.addAll(caching.getDenyClasses());
        }
        if (!deny.contains(ResumingDownloadStream.class)) {
            deny.add(ResumingDownloadStream.class);
            caching.setDenyClasses(deny.toArray(Class<?>[]::new));
        }
    }

    /**
     * Endpoints of one account (same Apple ID, domain, cookie directory and credentials) share one client:
     * one session, one writer of the session file, one sign-in — as the CLI shares one client between the
     * routes of its destinations. Different accounts get clients of their own.
     */
    ICloudClient client(ICloudConfiguration c, Supplier<ICloudClient> build) {
        String key = String.join("\n", String.valueOf(c.getUsername()).toLowerCase(Locale.ROOT), c.getDomain(),
                String.valueOf(c.getCookieDirectory()), String.valueOf(Objects.hashCode(c.getPassword())),
                String.valueOf(System.identityHashCode(c.getMfaCodeProvider())));
        return clients.computeIfAbsent(key, k -> build.get());
    }

    @Override
    protected void doStop() throws Exception {
        clients.clear();
        if (alertTemplate != null) {
            alertTemplate.stop();
            alertTemplate = null;
        }
        super.doStop();
    }

    /**
     * The MFA alerts of an account: one per session file, so the consumers of several destinations (and
     * endpoints that built their own client for the same account) alert once, not once each.
     */
    ICloudMfaAlerts mfaAlerts(ICloudClient client, int warningDays) {
        String key = client.sessionFile().map(f -> f.toAbsolutePath().toString())
                .orElse(client.username() + "@" + System.identityHashCode(client));
        return mfaAlerts.computeIfAbsent(key, k -> new ICloudMfaAlerts(client, warningDays));
    }

    synchronized ProducerTemplate alertTemplate() {
        if (alertTemplate == null) {
            alertTemplate = getCamelContext().createProducerTemplate();
        }
        return alertTemplate;
    }

    /** Hears the passes of every endpoint of this component (metrics, health). */
    public void addPassListener(ICloudPassListener listener) {
        passListeners.add(listener);
    }

    List<ICloudPassListener> passListeners() {
        return passListeners;
    }

    /**
     * The defaults of every endpoint whose {@code username} is {@code options}' (instead of the component's
     * configuration): how one Camel context runs the same routes for several accounts, each with its own options
     * and signed-in client.
     */
    public void setAccountConfiguration(ICloudConfiguration options) {
        accounts.put(options.getUsername().toLowerCase(Locale.ROOT), options);
    }

    public ICloudConfiguration getConfiguration() {
        return configuration;
    }

    /** Defaults for every endpoint ({@code camel.component.icloud.configuration.*}). */
    public void setConfiguration(ICloudConfiguration configuration) {
        this.configuration = configuration;
    }
}
