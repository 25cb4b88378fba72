package io.github.camelicloud.cluster;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The balancing rule, a pure function of what every node sees: the accounts of each shard, each shard's leader and
 * the live nodes. A node's load is the accounts of the shards it leads; its share is
 * {@code ceil(accounts / nodes)}. While some node is over its share, every node at or over its share stands back
 * (goes to the end of the queue of each election it does not lead), so the shards the loaded nodes hand back go to
 * the nodes below their share. A node over its share hands back its smallest shards, several in one round, as long
 * as each move still helps: the least-loaded node, given the shard, stays below what the giver had.
 */
record ShardBalance(int share, Map<String, Integer> loads) {

    /** What one node does in one round. */
    record Round(boolean standBack, Set<Integer> release) {
    }

    static ShardBalance of(Map<Integer, Integer> accountsByShard, Map<Integer, String> leaders, Set<String> nodes) {
        int total = accountsByShard.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> loads = new HashMap<>();
        nodes.forEach(n -> loads.put(n, 0));
        leaders.forEach((shard, node) -> {
            if (loads.containsKey(node)) {
                loads.merge(node, accountsByShard.getOrDefault(shard, 0), Integer::sum);
            }
        });
        return new ShardBalance(nodes.isEmpty() ? total : (total + nodes.size() - 1) / nodes.size(), Map.copyOf(loads));
    }

    boolean someoneOver() {
        return loads.values().stream().anyMatch(load -> load > share);
    }

    /** The round of {@code node}, which leads {@code led} (shard to its accounts). */
    Round round(String node, Map<Integer, Integer> led) {
        int mine = loads.getOrDefault(node, 0);
        if (!someoneOver() || mine < share) {
            return new Round(false, Set.of());
        }
        Set<Integer> release = new TreeSet<>();
        int least = loads.entrySet().stream().filter(e -> !e.getKey().equals(node)).mapToInt(Map.Entry::getValue)
                .min().orElse(Integer.MAX_VALUE);
        List<Map.Entry<Integer, Integer>> smallestFirst = led.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        for (Map.Entry<Integer, Integer> shard : smallestFirst) {
            int size = shard.getValue();
            if (mine <= share || least == Integer.MAX_VALUE || least + size >= mine) {
                break;
            }
            release.add(shard.getKey());
            mine -= size;
            least += size; // a simplification: the next one may go to another node below its share, which only helps
        }
        return new Round(true, release);
    }

    /** The least-loaded live node (for the logs). */
    String leastLoaded() {
        return loads.entrySet().stream().min(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder()))).map(Map.Entry::getKey).orElse("");
    }
}
