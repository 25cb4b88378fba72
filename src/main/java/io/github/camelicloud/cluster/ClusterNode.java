package io.github.camelicloud.cluster;

import io.github.camelicloud.app.destination.DeliveredState;
import io.github.camelicloud.component.ICloudPollGate;
import io.github.camelicloud.sync.SyncTokenStore;
import io.github.camelicloud.client.SharedSignIn;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.SessionConnectionStateErrorPolicy;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one node of a cluster: Camel's ZooKeeper cluster service elects a leader per shard, every
 * {@code icloud:} route runs only on its shard's leader ({@link ShardRoutePolicies}), the remote destinations'
 * records live in PostgreSQL under the shard's epoch ({@link ShardLeadership}), the accounts' sealed sessions, MFA
 * state and codes too ({@link ClusterState}), and a balancer spreads the shards ({@link ShardBalancer}, after a
 * start grace that lets nodes started together join the elections together: {@link StartGrace}).
 * <p>
 * Camel 4.18.0's ZooKeeper view can keep a leader consuming after its session expired (CAMEL-24457): the service
 * gets a Curator client of ours that halts the JVM when ZooKeeper reports the session {@code LOST}, and the
 * supervisor (systemd {@code Restart=always}, the kubelet) starts it again as a fresh member. A short
 * {@code SUSPENDED} keeps the leadership ({@link SessionConnectionStateErrorPolicy}).
 */
public final class ClusterNode extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** The exit status of a node that stopped itself (lost session, refused write): restart it. */
    public static final int HALT_STATUS = 70;

    private final ClusterSettings settings;
    private final ClusterState state;
    private final CuratorFramework curator;
    private final ZooKeeperClusterService service;
    private final ShardLeadership leadership;
    private final ShardRoutePolicies policies;
    private final ShardBalancer balancer;

    private ClusterNode(ClusterSettings settings, Consumer<String> halt) {
        this.settings = settings;
        this.state = ClusterState.open(settings, halt); // the CLI may have opened it for its clients already
        this.curator = CuratorFrameworkFactory.builder().connectString(settings.zookeeper())
                .sessionTimeoutMs(settings.sessionTimeoutMs()).connectionTimeoutMs(settings.sessionTimeoutMs())
                .retryPolicy(new ExponentialBackoffRetry(250, 29, 2000))
                .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy()).build();
        this.service = new ZooKeeperClusterService(new org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration());
        service.setId(settings.nodeId());
        service.setNodes(settings.zookeeper());
        service.setBasePath("/camel-icloud");
        service.setSessionTimeout(settings.sessionTimeoutMs());
        service.setCuratorFramework(curator);
        this.leadership = state.leadership();
        this.policies = new ShardRoutePolicies(service, leadership);
        this.balancer = new ShardBalancer(service, leadership, policies, Math.max(1000, settings.sessionTimeoutMs() / 2));
        curator.getConnectionStateListenable().addListener((client, state) -> {
            if (state == ConnectionState.LOST) {
                halt.accept("Node " + settings.nodeId() + " lost its ZooKeeper session: another node may lead its"
                        + " shards now, so it stops (its supervisor restarts it)");
            } else if (state != ConnectionState.CONNECTED) {
                LOG.warn("Node {}: ZooKeeper connection {}", settings.nodeId(), state);
            }
        });
    }

    /**
     * Makes {@code camel} a node when its properties set {@value ClusterSettings#ZOOKEEPER} (the Camel
     * application's application.properties, or the CLI's --cluster-* flags copied into them).
     */
    public static java.util.Optional<ClusterNode> installIfConfigured(CamelContext camel) throws Exception {
        var properties = camel.getPropertiesComponent();
        java.util.Optional<ClusterSettings> settings = ClusterSettings.from(
                name -> properties.resolveProperty(name).map(String::trim).filter(v -> !v.isEmpty()));
        if (settings.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(install(camel, settings.get()));
    }

    /**
     * Makes {@code camel} a node of the cluster: prepares the database, connects to ZooKeeper and puts the
     * {@code icloud:} routes created from now on under their shards. Call before the routes are started.
     */
    public static ClusterNode install(CamelContext camel, ClusterSettings settings) throws Exception {
        return install(camel, settings, ClusterNode::halt);
    }

    static ClusterNode install(CamelContext camel, ClusterSettings settings, Consumer<String> halt) throws Exception {
        ClusterNode node = new ClusterNode(settings, halt);
        node.curator.start();
        StartGrace.await(node.curator, settings.nodeId(), settings.startGraceMs()); // before joining any election
        camel.addService(node.service);
        camel.addService(node);
        camel.addRoutePolicyFactory(node.policies);
        NodeName.set(settings.nodeId());
        org.apache.camel.health.HealthCheckRegistry checks = org.apache.camel.health.HealthCheckRegistry.get(camel);
        if (checks != null) {
            checks.register(new ClusterHealthCheck(node));
        }
        camel.getRegistry().bind(SharedSignIn.BEAN, SharedSignIn.class, node.state);
        camel.getRegistry().bind(DeliveredState.BEAN, DeliveredState.class, DeliveredState.of(
                "cluster state database " + node.state.database().shown(),
                (account, record) -> new FencedRecordTable(node.leadership, account, record)));
        // a node that lost an account stops at its next file; the sync tokens move with the accounts
        camel.getRegistry().bind(ICloudPollGate.BEAN, ICloudPollGate.class, (ICloudPollGate) node.leadership::leads);
        camel.getRegistry().bind(SyncTokenStore.Factory.BEAN, SyncTokenStore.Factory.class,
                (SyncTokenStore.Factory) (account, library, scope) -> new FencedSyncTokens(node.leadership, account,
                        library, scope));
        LOG.info("Node {} joins the cluster (ZooKeeper {}, {} shards, session timeout {} ms, state {})",
                settings.nodeId(), settings.zookeeper(), settings.shards().count(), settings.sessionTimeoutMs(),
                node.state.database().shown());
        return node;
    }

    public String nodeId() {
        return settings.nodeId();
    }

    /** The shards this node leads, each with its accounts. */
    public Map<Integer, Set<String>> ledShards() {
        Map<Integer, Set<String>> accounts = policies.accountsByShard();
        Map<Integer, Set<String>> led = new TreeMap<>();
        for (int shard : leadership.led()) {
            led.put(shard, accounts.getOrDefault(shard, Set.of()));
        }
        return led;
    }

    @Override
    protected void doStart() {
        balancer.start();
    }

    @Override
    protected void doStop() {
        balancer.close();
        curator.close();
        state.close();
    }

    /** Stops this JVM at once: no route may go on writing, the supervisor restarts the node. */
    static void halt(String reason) {
        LOG.error("{}", reason);
        System.err.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
