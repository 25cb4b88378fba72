package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.SharedSignIn;
import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.http.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * {@code icloud:photos?username=...}: consumes the photos and videos of an iCloud library (one exchange
 * per file, streamed) and performs operations on it.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "icloud", title = "iCloud Photos", syntax = "icloud:type",
        category = {Category.CLOUD, Category.FILE}, headersClass = ICloudConstants.class)
public class ICloudEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "Always photos")
    @Metadata(required = true)
    private String type = "photos";
    @UriParam
    private ICloudConfiguration configuration;

    private final List<ICloudPassListener> listeners = new CopyOnWriteArrayList<>();
    private ICloudClient client;
    private boolean ownsClient;
    private volatile String destinationName;
    /** Set by a folder destination that writes metadata into its files ({@code FolderMirror}). */
    private volatile io.github.camelicloud.sync.LocalFiles.MetadataRefresh metadataRefresh;

    public ICloudEndpoint(String uri, ICloudComponent component, ICloudConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        ICloudConsumer consumer = new ICloudConsumer(this, processor);
        configureConsumer(consumer);
        if (getExceptionHandler() == null && !isBridgeErrorHandler()) {
            consumer.setExceptionHandler(new PollFailureLog(true));
        }
        return consumer;
    }

    @Override
    public Producer createProducer() {
        return new ICloudProducer(this);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the same checks as the command line's, before anything signs in: a YAML user gets the same clear errors
        try {
            ICloudSyncSettings.from(configuration, java.time.Clock.systemDefaultZone());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("icloud endpoint: " + e.getMessage(), e);
        }
        if (configuration.getClient() != null) {
            client = configuration.getClient();
        } else {
            client = ((ICloudComponent) getComponent()).client(configuration, this::buildClient);
            ownsClient = true;
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (ownsClient) {
            client = null;
        }
        super.doStop();
    }

    private ICloudClient buildClient() {
        RetryPolicy retry = configuration.retryPolicy();
        ICloudClient.Builder b = ICloudClient.builder().username(configuration.getUsername())
                .domain(configuration.getDomain())
                .password(() -> Optional.ofNullable(configuration.getPassword()).filter(p -> !p.isEmpty()))
                .mfaCodeProvider(Optional.ofNullable(configuration.getMfaCodeProvider()).orElse(MfaCodeProvider.NONE))
                .retryPolicy(retry)
                .readinessPolicy(new RetryPolicy(12, retry.initialDelay().multipliedBy(6), Duration.ofMinutes(5)))
                .timeouts(Duration.ofSeconds(configuration.getConnectTimeoutSeconds()),
                        Duration.ofSeconds(configuration.getReadTimeoutSeconds()));
        if (configuration.getCookieDirectory() != null) {
            b.cookieDirectory(Path.of(configuration.getCookieDirectory()));
        }
        if (configuration.getTraceFile() != null) {
            b.traceFile(Path.of(configuration.getTraceFile()));
        }
        SharedSignIn shared = getCamelContext().getRegistry().lookupByNameAndType(SharedSignIn.BEAN,
                SharedSignIn.class);
        if (shared != null) { // a cluster node: the session, alert state and codes are the cluster's
            shared.applyTo(b, configuration.getUsername());
        }
        return b.build();
    }

    public ICloudClient client() {
        return client;
    }

    /** Whether the endpoint signed in itself (no client was injected). */
    boolean ownsClient() {
        return ownsClient;
    }

    public ICloudConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ICloudConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /**
     * The caller reports failed passes itself (the CLI does, through its pass listeners): the consumer logs them only
     * at DEBUG, as it does failed files.
     */
    public static void reportFailuresElsewhere(org.apache.camel.Consumer consumer) {
        if (consumer instanceof ICloudConsumer c) {
            c.setExceptionHandler(new PollFailureLog(false));
        }
    }

    /** The destination of this endpoint's route in the user's words (pass summaries name it). */
    public String getDestinationName() {
        return destinationName;
    }

    /** Set by the route's destination step (a folder, an S3 bucket, an SFTP server) when the route is created. */
    public java.util.Optional<io.github.camelicloud.sync.LocalFiles.MetadataRefresh> metadataRefresh() {
        return java.util.Optional.ofNullable(metadataRefresh);
    }

    public void setMetadataRefresh(io.github.camelicloud.sync.LocalFiles.MetadataRefresh metadataRefresh) {
        this.metadataRefresh = metadataRefresh;
    }

    public void setDestinationName(String destinationName) {
        this.destinationName = destinationName;
    }

    /** Registers a listener told when each consumer pass ends. */
    public void addPassListener(ICloudPassListener listener) {
        listeners.add(listener);
    }

    /** This endpoint's listeners, then those of its component. */
    List<ICloudPassListener> passListeners() {
        if (!(getComponent() instanceof ICloudComponent component) || component.passListeners().isEmpty()) {
            return listeners;
        }
        List<ICloudPassListener> all = new java.util.ArrayList<>(listeners);
        all.addAll(component.passListeners());
        return all;
    }
}
