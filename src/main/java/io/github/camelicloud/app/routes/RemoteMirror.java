package io.github.camelicloud.app.routes;

import io.github.camelicloud.app.destination.DeliveredState;
import io.github.camelicloud.app.destination.Destination;
import io.github.camelicloud.app.destination.RemoteDelivery;
import io.github.camelicloud.app.destination.RemoteMetadata;
import io.github.camelicloud.app.destination.RemoteUpload;
import io.github.camelicloud.app.destination.StateDatabase;
import io.github.camelicloud.component.ICloudConfiguration;
import io.github.camelicloud.component.ICloudEndpoint;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remote destination for a route written in YAML (or any DSL), doing what the CLI's routes do. One bean
 * per route, named three times by it:
 * <ul>
 * <li>{@code routePolicy}: when the route is created (only when its precondition holds), the settings are
 * checked, the destination's delivered-state is opened, and the destination hears when each pass ends;</li>
 * <li>{@code idempotentRepository} of the {@code icloud:} consumer: that delivered-state, so a file the
 * destination holds is not downloaded again, and a file that failed is sent on the next pass;</li>
 * <li>a {@code process} step: the upload ({@link RemoteUpload}), with iCloud's metadata embedded and an XMP sidecar
 * next to it when {@code embedMetadata} / {@code xmpSidecar} are set.</li>
 * </ul>
 * Settings are JavaBean properties (placeholders from application.properties); nothing is checked or
 * opened while the bean is only defined, so a disabled destination needs no settings.
 */
public abstract class RemoteMirror extends RoutePolicySupport implements Processor, IdempotentRepository {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteMirror.class);

    private String stateDirectory;
    private String stateJdbcUrl;
    private String stateJdbcUser;
    private String stateJdbcPassword;
    private boolean embedMetadata;
    private boolean xmpSidecar;

    private String routeId;
    private Destination destination;
    private IdempotentRepository delivered;
    private String identity;
    private RemoteDelivery delivery;
    private RemoteUpload upload;
    private boolean shared;

    /** The destination these settings describe; IllegalArgumentException names what is wrong. */
    protected abstract Destination destination();

    /** Which settings to check in application.properties when they are wrong, e.g. destinations.s3.*. */
    protected abstract String settingsName();

    /** Releases what the destination holds (connection pools) once the route is gone. */
    protected void closeDestination(Destination destination) {
    }

    @Override
    public synchronized void onInit(Route route) {
        if (routeId != null) {
            throw new IllegalStateException("Route " + route.getRouteId() + " uses the mirror of route " + routeId
                    + ": give each route a bean of its own");
        }
        if (!(route.getEndpoint() instanceof ICloudEndpoint icloud)) {
            throw new IllegalArgumentException("Route " + route.getRouteId() + ": a " + getClass().getSimpleName()
                    + " mirrors what an icloud: consumer reads; the route starts from " + route.getEndpoint());
        }
        try {
            destination = destination();
            DeliveredState cluster = route.getCamelContext().getRegistry().lookupByNameAndType(DeliveredState.BEAN,
                    DeliveredState.class); // cluster mode's fenced records
            DeliveredState state = cluster != null ? cluster : deliveredState();
            shared = cluster != null;
            ICloudConfiguration config = icloud.getConfiguration();
            String account = config.getClient() != null ? config.getClient().username() : config.getUsername();
            delivered = state.open(account, config.recordLibrary(), destination);
            CamelContext camel = route.getCamelContext();
            camel.addService(delivered, true, true);
            delivery = new RemoteDelivery(destination, camel, delivered, config.isDryRun(),
                    new RemoteMetadata(embedMetadata, xmpSidecar));
            icloud.addPassListener(delivery);
            icloud.setDestinationName(destination.name());
            upload = new RemoteUpload(delivery, camel.createProducerTemplate(), RemoteUpload.endpointOf(destination,
                    camel));
            routeId = route.getRouteId();
            identity = delivered + " in " + state.describe();
            LOG.info("Route {} mirrors {} to {} ({})", routeId, account, destination.name(), state.describe());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Route " + route.getRouteId() + ": " + e.getMessage() + " (check "
                    + settingsName() + " in application.properties)", e);
        } catch (Exception e) {
            throw new IllegalStateException("Route " + route.getRouteId() + ": " + e.getMessage(), e);
        }
    }

    private DeliveredState deliveredState() {
        if (present(stateJdbcUrl).isPresent()) {
            return DeliveredState.inDatabase(new StateDatabase(stateJdbcUrl.trim(), present(stateJdbcUser),
                    present(stateJdbcPassword)));
        }
        return DeliveredState.inDirectory(present(stateDirectory).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".camel-icloud", "state")));
    }

    /**
     * Cluster mode: the route starts on the node that now leads its account, whose copy of the record may be old
     * (other nodes delivered since): it is read again from the database first.
     */
    @Override
    public synchronized void onStart(Route route) {
        if (shared) {
            org.apache.camel.support.service.ServiceHelper.stopService(delivered);
            org.apache.camel.support.service.ServiceHelper.startService(delivered);
        }
    }

    @Override
    public synchronized void onRemove(Route route) {
        if (delivery != null) {
            delivery.close();
            closeDestination(destination);
        }
    }

    @Override
    public void process(Exchange exchange) {
        upload().process(exchange);
    }

    private synchronized RemoteUpload upload() {
        if (upload == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is used by a route that does not name it"
                    + " as its routePolicy");
        }
        return upload;
    }

    private synchronized IdempotentRepository delivered() {
        if (delivered == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is the idempotentRepository of a route"
                    + " that does not name it as its routePolicy");
        }
        return delivered;
    }

    @Override
    public boolean contains(String key) {
        return delivered().contains(key);
    }

    @Override
    public boolean add(String key) {
        return delivered().add(key);
    }

    @Override
    public boolean remove(String key) {
        return delivered().remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return delivered().confirm(key);
    }

    @Override
    public void clear() {
        delivered().clear();
    }

    /**
     * The destination's record, and where it lives (a state directory or a database): part of the consumer's
     * sync-token key, so a record elsewhere starts with a full listing rather than the changes since another record's pass.
     */
    @Override
    public synchronized String toString() {
        return identity != null ? identity : getClass().getSimpleName();
    }

    /** A blank setting (an unset placeholder with an empty default) counts as not set. */
    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public void setStateDirectory(String stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public void setStateJdbcUrl(String stateJdbcUrl) {
        this.stateJdbcUrl = stateJdbcUrl;
    }

    public void setStateJdbcUser(String stateJdbcUser) {
        this.stateJdbcUser = stateJdbcUser;
    }

    public void setStateJdbcPassword(String stateJdbcPassword) {
        this.stateJdbcPassword = stateJdbcPassword;
    }

    /**
     * {@code --embed-metadata}: iCloud's caption, keywords, favourite, date and location written into each JPEG and
     * movie (spooled to a temporary file, then uploaded); a metadata-only change in iCloud rewrites the object.
     */
    public void setEmbedMetadata(boolean embedMetadata) {
        this.embedMetadata = embedMetadata;
    }

    /** {@code --xmp-sidecar}: an XMP sidecar uploaded next to each photo ({@code KEY.xmp}). */
    public void setXmpSidecar(boolean xmpSidecar) {
        this.xmpSidecar = xmpSidecar;
    }
}
