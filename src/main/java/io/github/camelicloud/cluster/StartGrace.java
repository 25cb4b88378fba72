package io.github.camelicloud.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A starting node announces itself (an ephemeral node under {@code /camel-icloud/members}) and waits until no other
 * node has announced itself for the grace period before it joins the elections: nodes started together then join
 * them together and share the shards from the start instead of the first one winning every election. The wait ends
 * after three grace periods at most, so a cluster whose members keep changing cannot hold a node back.
 */
final class StartGrace {

    private static final Logger LOG = LoggerFactory.getLogger(StartGrace.class);
    private static final String MEMBERS = "/camel-icloud/members";
    private static final long POLL_MS = 200;

    private StartGrace() {
    }

    static void await(CuratorFramework curator, String node, long graceMs) throws Exception {
        if (graceMs == 0) {
            return;
        }
        long start = System.currentTimeMillis();
        if (!curator.blockUntilConnected((int) graceMs, TimeUnit.MILLISECONDS)) {
            LOG.warn("Node {}: ZooKeeper not reached within the start grace of {} ms: joins the elections as it"
                    + " connects", node, graceMs);
            return;
        }
        String path = MEMBERS + "/" + node;
        try {
            curator.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(path);
        } catch (KeeperException.NodeExistsException e) { // this node's previous process, its session not over yet
            curator.delete().forPath(path);
            curator.create().withMode(CreateMode.EPHEMERAL).forPath(path);
        }
        List<String> members = curator.getChildren().forPath(MEMBERS);
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() - quietSince < graceMs && System.currentTimeMillis() - start < 3 * graceMs) {
            Thread.sleep(POLL_MS);
            List<String> now = curator.getChildren().forPath(MEMBERS);
            if (!now.containsAll(members) || !members.containsAll(now)) {
                members = now;
                quietSince = System.currentTimeMillis();
            }
        }
        LOG.info("Node {} joins the elections with {} nodes up: {}", node, members.size(), members.stream().sorted()
                .toList());
    }
}
