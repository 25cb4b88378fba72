package io.github.camelicloud.cluster;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Health's view of the node: its id, the shards it leads and their accounts (always up: leading none is fine). */
final class ClusterHealthCheck extends AbstractHealthCheck {

    private final ClusterNode node;

    ClusterHealthCheck(ClusterNode node) {
        super("camel-icloud", "cluster");
        this.node = node;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<Integer, Set<String>> led = node.ledShards();
        Set<String> accounts = new TreeSet<>();
        led.values().forEach(accounts::addAll);
        builder.detail("node", node.nodeId());
        builder.detail("shards", led.keySet().toString());
        builder.detail("accounts", String.join(",", accounts));
        builder.up();
    }
}
