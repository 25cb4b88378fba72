package io.github.camelicloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The balancing rule over elections that behave like Curator's (each shard a queue of candidates, the first leads,
 * a node that leaves and rejoins goes last), with the nodes started one after the other: the first one wins every
 * shard, as in the 300-account bench. Each round every node in turn reads the leaders and plays its round.
 */
class ShardBalanceTest {

    @Test
    void twelveAccountsOnThreeNodesEndThreeToFiveEach() {
        Elections elections = new Elections(accounts(12), 24);
        elections.join("node-1", "node-2", "node-3");
        assertThat(elections.loads()).containsEntry("node-1", 12);

        int rounds = elections.balance(10);

        assertThat(elections.loads().values()).allSatisfy(load -> assertThat(load).isBetween(3, 5));
        assertThat(rounds).isLessThanOrEqualTo(6);
    }

    @Test
    void threeHundredAccountsOnThreeNodesEndWithinOneOfTheShareWhenShardsAreFine() {
        Elections elections = new Elections(accounts(300), 4096);
        elections.join("node-1", "node-2", "node-3");

        int rounds = elections.balance(30);

        assertThat(elections.loads().values()).allSatisfy(load -> assertThat(load).isBetween(99, 101));
        assertThat(rounds).isLessThanOrEqualTo(12);
    }

    @Test
    void withCoarseShardsTheSpreadIsWithinOneShard() {
        Elections elections = new Elections(accounts(300), 64); // the bench's shards: ~5 accounts each
        elections.join("node-1", "node-2", "node-3");

        elections.balance(30);

        int biggest = elections.accounts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(elections.loads().values()).allSatisfy(load -> assertThat(load).isBetween(100 - biggest,
                100 + biggest));
    }

    @Test
    void aJoiningNodeTakesOnlyItsShareFromTheOthersAndALeavingNodesShareMovesToThem() {
        Elections elections = new Elections(accounts(300), 4096);
        elections.join("node-1", "node-2", "node-3");
        elections.balance(30);
        Map<Integer, String> before = elections.leaders();

        elections.join("node-4");
        elections.balance(30);

        Map<Integer, String> joined = elections.leaders();
        assertThat(elections.loads().values()).allSatisfy(load -> assertThat(load).isBetween(74, 76));
        assertThat(elections.moved(before, joined)).allSatisfy(shard -> assertThat(joined.get(shard))
                .isEqualTo("node-4"));

        elections.leave("node-4");
        elections.balance(30);

        Map<Integer, String> left = elections.leaders();
        assertThat(elections.loads().values()).allSatisfy(load -> assertThat(load).isBetween(99, 101));
        assertThat(elections.moved(joined, left)).allSatisfy(shard -> assertThat(joined.get(shard))
                .isEqualTo("node-4"));
    }

    @Test
    void balancedNodesDoNothing() {
        Map<Integer, Integer> accounts = Map.of(0, 4, 1, 4, 2, 4);
        ShardBalance balance = ShardBalance.of(accounts, Map.of(0, "a", 1, "b", 2, "c"), Set.of("a", "b", "c"));

        assertThat(balance.share()).isEqualTo(4);
        assertThat(balance.round("a", Map.of(0, 4))).isEqualTo(new ShardBalance.Round(false, Set.of()));
    }

    @Test
    void aShardThatWouldOnlyOverloadTheLeastLoadedNodeStays() {
        Map<Integer, Integer> accounts = Map.of(0, 6, 1, 1, 2, 1);
        ShardBalance balance = ShardBalance.of(accounts, Map.of(0, "a", 1, "b", 2, "c"), Set.of("a", "b", "c"));

        assertThat(balance.round("a", Map.of(0, 6))).isEqualTo(new ShardBalance.Round(true, Set.of()));
    }

    private static List<String> accounts(int n) {
        return IntStream.range(0, n).mapToObj(i -> "user" + i + "@example.com").toList();
    }

    /** ZooKeeper's elections as Curator runs them, and the nodes' balancers playing their rounds. */
    private static final class Elections {

        final Map<Integer, Integer> accounts = new TreeMap<>();
        final Map<Integer, List<String>> queues = new TreeMap<>();
        final Set<String> nodes = new LinkedHashSet<>();
        final Set<String> overLastRound = new HashSet<>();

        Elections(List<String> names, int shards) {
            Shards s = new Shards(shards);
            names.forEach(a -> accounts.merge(s.of(a), 1, Integer::sum));
            accounts.keySet().forEach(shard -> queues.put(shard, new ArrayList<>()));
        }

        void join(String... joining) {
            for (String node : joining) {
                nodes.add(node);
                queues.values().forEach(q -> q.add(node));
            }
        }

        void leave(String node) {
            nodes.remove(node);
            overLastRound.remove(node);
            queues.values().forEach(q -> q.remove(node));
        }

        Map<Integer, String> leaders() {
            Map<Integer, String> leaders = new TreeMap<>();
            queues.forEach((shard, q) -> {
                if (!q.isEmpty()) {
                    leaders.put(shard, q.get(0));
                }
            });
            return leaders;
        }

        Map<String, Integer> loads() {
            return ShardBalance.of(accounts, leaders(), nodes).loads();
        }

        /** Plays rounds until one changes nothing; returns the rounds that changed something. */
        int balance(int maxRounds) {
            for (int round = 0; round < maxRounds; round++) {
                Map<Integer, String> before = leaders();
                boolean waiting = false;
                for (String node : nodes) {
                    Map<Integer, String> leaders = leaders();
                    ShardBalance balance = ShardBalance.of(accounts, leaders, nodes);
                    Map<Integer, Integer> led = new TreeMap<>();
                    leaders.forEach((shard, leader) -> {
                        if (leader.equals(node)) {
                            led.put(shard, accounts.get(shard));
                        }
                    });
                    ShardBalance.Round r = balance.round(node, led);
                    if (r.standBack()) {
                        queues.forEach((shard, q) -> {
                            if (!led.containsKey(shard)) {
                                last(q, node);
                            }
                        });
                    }
                    if (!r.release().isEmpty() && overLastRound.contains(node)) {
                        r.release().forEach(shard -> last(queues.get(shard), node));
                    }
                    if (r.release().isEmpty()) {
                        overLastRound.remove(node);
                    } else {
                        waiting = waiting || overLastRound.add(node);
                    }
                }
                if (before.equals(leaders()) && !waiting) {
                    return round;
                }
            }
            throw new AssertionError("not balanced after " + maxRounds + " rounds: " + loads());
        }

        Set<Integer> moved(Map<Integer, String> from, Map<Integer, String> to) {
            Set<Integer> moved = new HashSet<>();
            to.forEach((shard, leader) -> {
                if (!leader.equals(from.get(shard))) {
                    moved.add(shard);
                }
            });
            return moved;
        }

        private static void last(List<String> queue, String node) {
            queue.remove(node);
            queue.add(node);
        }
    }
}
