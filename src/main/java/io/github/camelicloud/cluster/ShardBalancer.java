package io.github.camelicloud.cluster;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper lets the first node to join win every election; this spreads the accounts. Every few seconds a node
 * that leads more accounts than its share ({@code ceil(accounts / nodes)}, nodes as the elections see them) hands
 * one shard back: it leaves that shard's election and joins it again at the end of the queue, so the next node in
 * line takes it. A node joining later thus receives shards from the loaded ones, and a node leaving passes its
 * shards to the others through the elections themselves.
 */
final class ShardBalancer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShardBalancer.class);

    private final CamelClusterService service;
    private final ShardLeadership leadership;
    private final ShardRoutePolicies policies;
    private final long periodMs;
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
            Map<Integer, Set<String>> accounts = policies.accountsByShard();
            int total = accounts.values().stream().mapToInt(Set::size).sum();
            int nodes = nodes(accounts.keySet());
            if (total == 0 || nodes < 2) {
                return;
            }
            int share = (total + nodes - 1) / nodes;
            Set<Integer> led = leadership.led();
            int mine = led.stream().mapToInt(s -> accounts.getOrDefault(s, Set.of()).size()).sum();
            if (mine <= share) {
                return;
            }
            int shard = led.stream().filter(accounts::containsKey)
                    .min(Comparator.comparingInt((Integer s) -> accounts.get(s).size()).thenComparing(s -> s))
                    .orElseThrow();
            LOG.info("Node {} leads {} accounts, more than its share of {} over {} nodes: hands shard {} back",
                    leadership.node(), mine, share, nodes, shard);
            handBack(Shards.namespace(shard));
        } catch (Exception | LinkageError e) {
            LOG.warn("Node {}: balancing the shards failed: {}", leadership.node(), e.toString());
        }
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

    /** The nodes in the elections (every node joins every shard's election). */
    private int nodes(Set<Integer> shards) throws Exception {
        int nodes = 0;
        for (int shard : shards) {
            nodes = Math.max(nodes, service.getView(Shards.namespace(shard)).getMembers().size());
        }
        return nodes;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
