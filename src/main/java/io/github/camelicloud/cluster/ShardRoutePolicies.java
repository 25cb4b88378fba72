package io.github.camelicloud.cluster;

import io.github.camelicloud.component.ICloudConfiguration;
import io.github.camelicloud.component.ICloudEndpoint;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;

/**
 * Puts every {@code icloud:} route under its account's shard: Camel's {@link ClusteredRoutePolicy} for the shard's
 * namespace starts the route on the node ZooKeeper elects and stops it elsewhere (not {@code master:}, whose delayed
 * start drops a lost leadership: CAMEL-24583). A listener on the same election takes the shard's epoch in
 * PostgreSQL before any of the route's writes ({@link ShardLeadership}). Other routes are left alone.
 */
final class ShardRoutePolicies implements RoutePolicyFactory {

    private final CamelClusterService service;
    private final ShardLeadership leadership;
    private final Map<Integer, Set<String>> accountsByShard = new ConcurrentHashMap<>();
    private final Set<Integer> watched = ConcurrentHashMap.newKeySet();

    ShardRoutePolicies(CamelClusterService service, ShardLeadership leadership) {
        this.service = service;
        this.leadership = leadership;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camel, String routeId, NamedNode node) {
        if (!(node instanceof RouteDefinition route) || route.getInput() == null) {
            return null;
        }
        Endpoint endpoint = camel.getEndpoint(route.getInput().getEndpointUri());
        if (!(endpoint instanceof ICloudEndpoint icloud)) {
            return null;
        }
        ICloudConfiguration config = icloud.getConfiguration();
        String account = config.getClient() != null ? config.getClient().username() : config.getUsername();
        int shard = leadership.shards().of(account);
        accountsByShard.computeIfAbsent(shard, s -> ConcurrentHashMap.newKeySet()).add(account);
        try {
            watch(shard);
            return ClusteredRoutePolicy.forNamespace(service, Shards.namespace(shard));
        } catch (Exception e) {
            throw new IllegalStateException("Route " + routeId + ": no election for shard " + shard + ": "
                    + e.getMessage(), e);
        }
    }

    /** The accounts of each shard that has routes here (the same on every node: the same configuration). */
    Map<Integer, Set<String>> accountsByShard() {
        return new TreeMap<>(accountsByShard);
    }

    private void watch(int shard) throws Exception {
        if (!watched.add(shard)) {
            return; // another route of the shard
        }
        CamelClusterView view = service.getView(Shards.namespace(shard));
        view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) -> {
            if (leader != null && leader.isLocal()) {
                leadership.gained(shard);
            } else {
                leadership.lost(shard);
            }
        });
    }
}
