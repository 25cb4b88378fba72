package io.github.camelicloud.app;

import io.github.camelicloud.app.destination.DestinationException;
import io.github.camelicloud.app.observe.Observability;
import io.github.camelicloud.app.webui.PassBoard;
import io.github.camelicloud.component.ICloudComponent;
import io.github.camelicloud.component.ICloudConfiguration;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.component.ICloudRouteHooks;
import io.github.camelicloud.component.PassResult;
import io.github.camelicloud.cluster.ClusterSettings;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RoutesDefinition;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CLI's sync: camel-main running the bundled routes ({@code classpath:routes/icloud-to-{file,s3,sftp}.camel.yaml}, the
 * same files as the Camel application's {@code routes/}) with the command line turned into their properties. The
 * CLI adds only what a terminal needs around them: each account's signed-in client and options as the defaults of
 * its endpoints (so the console's sign-in is the routes' sign-in, and several {@code --username} are the same routes
 * once per account), the progress bar and the end of the run ({@link RunPasses}), the
 * deletions across destinations, the alert routes and, when asked, metrics and health.
 */
final class BundledRoutes {

    /**
     * The bundled destination routes, named one by one (a wildcard would scan the whole jar at every start); an
     * account that mails its alerts also gets {@link MfaAlertRoutes#MAIL_ROUTE}.
     */
    static final String ROUTES = "classpath:routes/icloud-to-file.camel.yaml,classpath:routes/icloud-to-s3.camel.yaml,"
            + "classpath:routes/icloud-to-sftp.camel.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(BundledRoutes.class);
    /** How long a stopping watch waits for a pass in progress before it cuts it. */
    private static final int WATCH_STOP_SECONDS = 3;

    private BundledRoutes() {
    }

    /**
     * One account's part of the run: its endpoints' options (with its signed-in client), its routes' properties, its
     * alert routes (whose mail route is loaded with the destinations', with its own properties) and its id suffix
     * ({@code -2}; empty with one account).
     */
    record Account(ICloudConfiguration options, Map<String, String> properties, RunPasses passes,
            MfaAlertRoutes alerts, Optional<Observability> observability, Optional<PassBoard> statusView,
            String suffix) {

        /** The bundled files of the account: the destinations, and the alert mail when it mails. */
        List<String> locations() {
            List<String> all = new ArrayList<>(List.of(ROUTES.split(",")));
            if (!alerts.mailProperties().isEmpty()) {
                all.add(MfaAlertRoutes.MAIL_ROUTE);
            }
            return all;
        }

        Map<String, String> allProperties() {
            Map<String, String> all = new LinkedHashMap<>(properties);
            all.putAll(alerts.mailProperties());
            return all;
        }
    }

    /** Hears the watch's rounds: {@link #next} is told when every route finished a pass; false ends the watch. */
    @FunctionalInterface
    interface WatchRounds {
        boolean next(int round);

        WatchRounds FOR_EVER = round -> true;
    }

    /**
     * Runs the bundled routes of every account in one camel-main, each account's routes with its own properties
     * (application.properties' keys) and endpoint options. Returns after every route's first pass, or, with
     * {@code watchSeconds > 0}, when the thread is interrupted or {@code rounds} says so. Returns each account's
     * failure (a failed pass, a destination that did not receive every file), empty when it had none.
     */
    static List<Optional<Exception>> run(List<Account> accounts, long watchSeconds, WatchRounds rounds)
            throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // the CLI never reads a stray ./application.properties
        Properties common = new Properties();
        common.put("icloud.initial-delay-ms", "0");
        common.put("icloud.watch-interval-ms", String.valueOf(Math.max(1, watchSeconds) * 1000));
        // run once: a route done early must not poll again while the others finish
        common.put("icloud.repeat-count", watchSeconds > 0 ? "0" : "1");
        // --cluster-*: the process is one node (the state database and the cluster's settings are the run's)
        accounts.stream().map(Account::allProperties).filter(p -> p.containsKey(ClusterSettings.ZOOKEEPER))
                .findFirst().ifPresent(p -> p.forEach((k, v) -> {
                    if (k.startsWith("icloud.cluster.") || k.startsWith("icloud.state.jdbc-")) {
                        common.put(k, v);
                    }
                }));
        main.setOverrideProperties(common);
        main.init();
        CamelContext camel = main.getCamelContext();
        // seconds. Run once: the passes are over when we stop. Watch: a SIGTERM (podman stop gives 10 s) may come in
        // the middle of a pass, which is then cut rather than waited for: a download is a part file until renamed,
        // and a file is recorded only once stored, so the next pass resumes and nothing is lost.
        camel.getShutdownStrategy().setTimeout(watchSeconds > 0 ? WATCH_STOP_SECONDS : 30);
        // --cluster-*: a node, from the context's properties (the flags were copied there above, as in the Camel
        // application)
        io.github.camelicloud.cluster.ClusterNode.installIfConfigured(camel);
        ICloudRouteHooks hooks = ICloudRouteHooks.of(camel);
        // each account's routes (by the endpoint's Apple ID, as the component gives them the account's options)
        Map<String, RunPasses> passes = new HashMap<>();
        accounts.forEach(a -> passes.put(a.options().getUsername().toLowerCase(Locale.ROOT), a.passes()));
        hooks.add(route -> Optional.ofNullable(route.endpoint().getConfiguration().getUsername())
                .map(user -> passes.get(user.toLowerCase(Locale.ROOT))).map(p -> p.listenersFor(route))
                .orElse(List.of()));
        hooks.add(new RoundCounter(rounds, Thread.currentThread()));
        // the web page's status view and "sync now" (one page for the run)
        accounts.stream().flatMap(a -> a.statusView().stream()).findFirst().ifPresent(board -> hooks.add(board));
        for (Account account : accounts) {
            camel.addRoutes(account.alerts()); // where the account's MFA alerts go (its mfaAlertUri)
        }
        // metrics and health are the process's (one server; --metrics-* are global options)
        Optional<Account> observed = accounts.stream().filter(a -> a.observability().isPresent()).findFirst();
        if (observed.isPresent()) {
            observed.get().observability().get().install(camel, observed.get().options().getClient());
        }
        ICloudComponent icloud = camel.getComponent("icloud", ICloudComponent.class);
        accounts.forEach(a -> icloud.setAccountConfiguration(a.options()));
        List<Optional<Exception>> failures = new ArrayList<>();
        try {
            main.start();
            List<List<String>> routeIds = new ArrayList<>();
            for (Account account : accounts) {
                List<String> ids = new ArrayList<>();
                routeIds.add(ids);
                try {
                    addRoutes(camel, account.locations(), account.allProperties(), account.suffix(), ids);
                    failures.add(Optional.empty());
                } catch (Exception e) { // this account's settings; the others run
                    failures.add(Optional.of(e));
                }
            }
            // only now, every route of every account created: an account's deletions in iCloud wait for all of its
            // destinations, so none may poll before the last one is known
            for (int i = 0; i < accounts.size(); i++) {
                if (failures.get(i).isEmpty()) { // a failed account's routes that were created stay stopped
                    for (String id : routeIds.get(i)) {
                        if (camel.getRoute(id).getRoutePolicyList().stream()
                                .noneMatch(ClusteredRoutePolicy.class::isInstance)) { // a node starts them as leader
                            camel.getRouteController().startRoute(id);
                        }
                    }
                }
            }
            if (watchSeconds > 0) {
                awaitInterrupt(); // watch mode: until the process or the calling thread is stopped
            } else {
                for (int i = 0; i < accounts.size(); i++) {
                    if (failures.get(i).isEmpty()) {
                        accounts.get(i).passes().awaitFirstPasses();
                    }
                }
            }
        } finally {
            main.stop();
        }
        for (int i = 0; i < accounts.size(); i++) {
            if (failures.get(i).isEmpty()) {
                failures.set(i, outcome(accounts.get(i).passes()));
            }
        }
        return failures;
    }

    private static Optional<Exception> outcome(RunPasses passes) {
        try {
            if (passes.routes() == 0) {
                throw new DestinationException("No destination: give --directory, --s3-bucket or --sftp-uri", null);
            }
            passes.throwIfIncomplete();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(e);
        }
    }

    /**
     * Adds the bundled routes with {@code properties} taking precedence over every other (Camel's local properties,
     * as for a route template), their ids ending in {@code idSuffix}: the same files once per account. The context
     * is started, so each route is created, and its beans looked up, before the next account's replace them; the
     * routes are not started (their ids are added to {@code ids}).
     */
    private static void addRoutes(CamelContext camel, List<String> locations, Map<String, String> properties,
            String idSuffix, List<String> ids) throws Exception {
        PropertiesComponent placeholders = camel.getPropertiesComponent();
        boolean clustered = properties.containsKey(ClusterSettings.ZOOKEEPER);
        Properties local = new Properties();
        local.putAll(properties);
        try {
            for (String location : locations) {
                // for each file: Camel clears the local properties after it started routes
                placeholders.setLocalProperties(local);
                Resource resource = PluginHelper.getResourceLoader(camel).resolveResource(location);
                for (RoutesBuilder builder : PluginHelper.getRoutesLoader(camel).findRoutesBuilders(resource)) {
                    placeholders.setLocalProperties(local);
                    RoutesDefinition routes = ((RouteBuilder) builder).configureRoutes(camel);
                    // the route's precondition (destinations.*.enabled), read here: Camel evaluates it apart from
                    // the local properties
                    routes.getRoutes().removeIf(r -> r.getPrecondition() != null
                            && !Boolean.parseBoolean(placeholders.parseUri(r.getPrecondition())));
                    routes.getRoutes().forEach(r -> {
                        r.setPrecondition(null);
                        r.setId(r.getId() + idSuffix);
                        // started with the other accounts' routes; a cluster node's icloud: routes by their shard's
                        // leadership (Camel's ClusteredRoutePolicy starts only routes that may start by themselves)
                        r.setAutoStartup(String.valueOf(clustered && r.getInput().getEndpointUri().startsWith("icloud:")));
                        ids.add(r.getId());
                        if (r.getInput().getEndpointUri().startsWith("direct:")) { // the account's alert mail
                            r.getInput().setUri(r.getInput().getEndpointUri() + idSuffix);
                        }
                    });
                    ((ModelCamelContext) camel).addRouteDefinitions(routes.getRoutes());
                }
            }
        } finally {
            placeholders.setLocalProperties(null);
        }
    }

    /** Counts every icloud: route's passes; when all finished one more, asks the watch whether to go on. */
    private static final class RoundCounter implements ICloudRouteHooks.Hook {
        private final WatchRounds rounds;
        private final Thread waiting;
        private final List<AtomicInteger> passes = new CopyOnWriteArrayList<>();
        private int round;

        RoundCounter(WatchRounds rounds, Thread waiting) {
            this.rounds = rounds;
            this.waiting = waiting;
        }

        @Override
        public List<ICloudPassListener> listenersFor(ICloudRouteHooks.ICloudRoute route) {
            AtomicInteger count = new AtomicInteger();
            passes.add(count);
            return List.of(new ICloudPassListener() {
                @Override
                public void passCompleted(PassResult result) {
                    counted(count);
                }

                @Override
                public void passFailed(Exception error) {
                    counted(count);
                }
            });
        }

        private synchronized void counted(AtomicInteger count) {
            count.incrementAndGet();
            int done = passes.stream().mapToInt(AtomicInteger::get).min().orElse(0);
            if (done > round) {
                round = done;
                if (!rounds.next(round)) {
                    waiting.interrupt();
                }
            }
        }
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
