package io.github.camelicloud.cluster;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper lets the first node to join win every election; this spreads the accounts by {@link ShardBalance}. Every
 * round (half a session timeout) each node reads every shard's leader and the live nodes from the elections it takes
 * part in (every node is a candidate in every election). While some node is over its share, the nodes at or over
 * theirs stand back (leave and rejoin, last in line, the elections they do not lead), and a node over its share for
 * two rounds running (the others have stood back by then) hands back its smallest shards, several at once when far
 * over: it leaves each one's election and rejoins it later, last, so a node below its share leads it next. Every
 * node stays a candidate everywhere but for a moment, so failover and fencing work as before.
 */
final class ShardBalancer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShardBalancer.class);

    private final CamelClusterService service;
    private final ShardLeadership leadership;
    private final ShardRoutePolicies policies;
    private final long periodMs;
    /** Whether the last round found shards to hand back: a node hands back only when over its share twice. */
    private boolean overLastRound;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "icloud-cluster-balancer");
        t.setDaemon(true);
        return t;
    });

    ShardBalancer(CamelClusterService service, ShardLeadership leadership, ShardRoutePolicies policies,
            long periodMs) {
        this.service = service;
        this.leadership = leadership;
        this.policies = policies;
        this.periodMs = periodMs;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::balance, periodMs, periodMs, TimeUnit.MILLISECONDS);
    }

    private void balance() {
        try {
            Map<Integer, Integer> accounts = new TreeMap<>();
            policies.accountsByShard().forEach((shard, names) -> accounts.put(shard, names.size()));
            Map<Integer, String> leaders = new TreeMap<>();
            Set<String> nodes = new TreeSet<>();
            for (int shard : accounts.keySet()) {
                CamelClusterView view = service.getView(Shards.namespace(shard));
                view.getMembers().forEach(m -> nodes.add(m.getId()));
                view.getLeader().ifPresent(m -> leaders.put(shard, m.getId()));
            }
            ShardBalance balance = ShardBalance.of(accounts, leaders, nodes);
            Map<Integer, Integer> led = new TreeMap<>();
            leadership.led().stream().filter(accounts::containsKey).forEach(s -> led.put(s, accounts.get(s)));
            ShardBalance.Round round = balance.round(leadership.node(), led);
            if (round.standBack()) {
                for (int shard : accounts.keySet()) {
                    if (!led.containsKey(shard)) {
                        requeue(Shards.namespace(shard));
                    }
                }
            }
            if (!round.release().isEmpty() && overLastRound) {
                LOG.info("Node {} leads {} accounts, more than its share of {} over {} nodes: hands shards {} back"
                        + " (least loaded: {})", leadership.node(), balance.loads().get(leadership.node()),
                        balance.share(), nodes.size(), round.release(), balance.leastLoaded());
                round.release().forEach(shard -> handBack(Shards.namespace(shard)));
            }
            overLastRound = !round.release().isEmpty();
        } catch (Exception | LinkageError e) {
            LOG.warn("Node {}: balancing the shards failed: {}", leadership.node(), e.toString());
        }
    }

    /** Goes to the end of the queue of an election this node does not lead. */
    private void requeue(String namespace) throws Exception {
        service.stopView(namespace);
        service.startView(namespace);
    }

    /**
     * Leaves the shard's election (the next node in line leads) and joins it again, last. In a thread of its own:
     * stopping the shard's routes waits for their exchanges in flight, which must not hold up the balancing.
     */
    private void handBack(String namespace) {
        Thread t = new Thread(() -> {
            try {
                service.stopView(namespace);
                Thread.sleep(periodMs / 2);
                service.startView(namespace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Node {}: handing {} back failed: {}", leadership.node(), namespace, e.toString());
            }
        }, "icloud-cluster-hand-back");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
