package io.github.camelicloud.app;

import io.github.camelicloud.app.destination.DestinationException;
import io.github.camelicloud.app.observe.Observability;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.component.ICloudComponent;
import io.github.camelicloud.component.ICloudComponentConfigurer;
import io.github.camelicloud.component.ICloudConfiguration;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's sync: camel-main running the bundled routes ({@code classpath:routes/icloud-to-{file,s3,sftp}.camel.yaml}, the
 * same files as the Camel application's {@code routes/}) with the command line turned into their properties. The
 * CLI adds only what a terminal needs around them: its signed-in client (bean {@value #CLIENT_BEAN}, so the
 * console's sign-in is the routes' sign-in), the progress bar and the end of the run ({@link RunPasses}), the
 * deletions across destinations, the alert routes and, when asked, metrics and health.
 */
final class BundledRoutes {

    /** The signed-in client the routes' endpoints use ({@code camel.component.icloud.client}). */
    static final String CLIENT_BEAN = "icloud-cli-client";
    /**
     * The bundled destination routes, named one by one (a wildcard would scan the whole jar at every start); the
     * alert mail route is added by {@link MfaAlertRoutes} when asked for.
     */
    static final String ROUTES = "classpath:routes/icloud-to-file.camel.yaml,classpath:routes/icloud-to-s3.camel.yaml,"
            + "classpath:routes/icloud-to-sftp.camel.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(BundledRoutes.class);

    private BundledRoutes() {
    }

    /**
     * Runs the routes with {@code properties} (application.properties' keys). Returns after every route's first
     * pass, or, with {@code watchSeconds > 0}, when the thread is interrupted. Throws when a pass failed or a
     * destination did not receive every file.
     */
    static void run(ICloudClient client, Map<String, String> properties, long watchSeconds, RunPasses passes,
            RoutesBuilder alerts, Optional<Observability> observability) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // the CLI never reads a stray ./application.properties
        Properties all = new Properties();
        all.putAll(properties);
        all.put("camel.component.icloud.client", "#" + CLIENT_BEAN);
        all.put("icloud.initial-delay-ms", "0");
        all.put("icloud.watch-interval-ms", String.valueOf(Math.max(1, watchSeconds) * 1000));
        // run once: a route done early must not poll again while the others finish
        all.put("icloud.repeat-count", watchSeconds > 0 ? "0" : "1");
        main.setOverrideProperties(all);
        main.configure().withRoutesIncludePattern(ROUTES);
        main.bind(CLIENT_BEAN, client);
        main.init();
        CamelContext camel = main.getCamelContext();
        camel.getShutdownStrategy().setTimeout(30); // seconds; the passes are over when we stop
        io.github.camelicloud.cluster.ClusterNode.installIfConfigured(camel); // --cluster-zookeeper: a node
        camel.addRoutePolicyFactory(passes);
        camel.addRoutes(alerts); // where the consumers' MFA alerts go (icloud.mfa-alert-uri)
        if (observability.isPresent()) {
            observability.get().install(camel, client);
        }
        try {
            main.start();
            if (passes.routes() == 0) {
                throw new DestinationException("No destination: give --directory, --s3-bucket or --sftp-uri", null);
            }
            if (watchSeconds > 0) {
                awaitInterrupt(); // watch mode: until the process or the calling thread is stopped
            } else {
                passes.awaitFirstPasses();
            }
        } finally {
            main.stop();
        }
        passes.throwIfIncomplete();
    }

    /**
     * The options of the {@code icloud:} endpoints that differ from the component's defaults, as camel-main's
     * {@code camel.component.icloud.*} properties: every endpoint of the bundled routes starts from them (an
     * application.properties could say the same).
     */
    static Map<String, String> componentProperties(ICloudConfiguration options) {
        ICloudComponentConfigurer configurer = new ICloudComponentConfigurer();
        ICloudComponent given = new ICloudComponent();
        given.setConfiguration(options);
        ICloudComponent defaults = new ICloudComponent();
        Map<String, String> properties = new TreeMap<>();
        for (java.lang.reflect.Field option : ICloudConfiguration.class.getDeclaredFields()) {
            if (!option.isAnnotationPresent(org.apache.camel.spi.UriParam.class)) {
                continue;
            }
            String name = option.getName();
            Object value = configurer.getOptionValue(given, name, false);
            boolean plain = value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Enum;
            if (plain && !value.equals(configurer.getOptionValue(defaults, name, false))) {
                properties.put("camel.component.icloud." + name, value.toString());
            }
        }
        return properties;
    }

    /** Returns, with the interrupt cleared so Camel can stop cleanly, when the thread is interrupted. */
    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            LOG.info("Watch mode stopped");
        }
    }
}
