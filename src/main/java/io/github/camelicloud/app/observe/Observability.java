package io.github.camelicloud.app.observe;

import io.github.camelicloud.app.webui.HostNames;
import io.github.camelicloud.app.webui.PortCheck;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.component.ICloudComponent;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.prometheus.MicrometerPrometheus;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import java.util.function.Predicate;
import org.apache.camel.health.HealthCheckRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics and health over HTTP for the CLI's sync, with Camel's own pieces: the management server of
 * camel-platform-http-main on {@code host:port} serves {@code /observe/metrics} (camel-micrometer-prometheus: Camel's
 * meters and {@link SyncMetrics}) and {@code /observe/health} (Camel's checks and {@link AccountHealthCheck}), on
 * loopback only for loopback host names.
 */
public final class Observability {

    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);
    public static final String METRICS_PATH = "/observe/metrics";
    public static final String HEALTH_PATH = "/observe/health";

    private final String host;
    private final int port;

    public Observability(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Adds the server, the meters and the health check to {@code camel}, before it starts. */
    public void install(CamelContext camel, ICloudClient client) throws Exception {
        PortCheck.bindable(host, port, "the metrics and health", "Choose another port with --metrics-port.");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        camel.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
        ManagementHttpServer server = new HostCheckedServer(HostNames.allowedFor(host));
        server.setCamelContext(camel);
        server.setHost(host);
        server.setPort(port);
        server.setPath("/");
        server.setHealthCheckEnabled(true);
        server.setHealthPath(HEALTH_PATH);
        server.setMetricsEnabled(true);
        camel.addService(server);
        MicrometerPrometheus prometheus = new MicrometerPrometheus();
        prometheus.setCamelContext(camel);
        prometheus.setPath(METRICS_PATH);
        camel.addService(prometheus);

        SyncMetrics metrics = new SyncMetrics(registry);
        client.http().addListener(metrics);
        ICloudComponent icloud = camel.getComponent("icloud", ICloudComponent.class);
        icloud.addPassListener(metrics);
        AccountHealthCheck health = new AccountHealthCheck(client);
        health.setCamelContext(camel);
        icloud.addPassListener(health);
        HealthCheckRegistry checks = HealthCheckRegistry.get(camel);
        checks.register(health);
        LOG.info("Metrics at http://{}:{}{} and health at http://{}:{}{}", host, port, METRICS_PATH, host, port,
                HEALTH_PATH);
    }

    /**
     * The management server, answering only the Host names of {@link HostNames}: on loopback, a web site the user
     * visits cannot read the health (which names the Apple ID) or the metrics through DNS rebinding.
     */
    private static final class HostCheckedServer extends ManagementHttpServer {

        private final Predicate<String> hostAllowed;

        HostCheckedServer(Predicate<String> hostAllowed) {
            this.hostAllowed = hostAllowed;
        }

        @Override
        protected void doStart() throws Exception {
            super.doStart();
            getRouter().route().order(Integer.MIN_VALUE).handler(context -> {
                if (hostAllowed.test(context.request().host())) { // Host, or HTTP/2's :authority
                    context.next();
                } else {
                    context.response().setStatusCode(421).end("Misdirected request: unknown host name\n");
                }
            });
        }
    }
}
