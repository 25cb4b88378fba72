package io.github.camelicloud.cluster;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %node} in logback's pattern: {@code [node-id] } in cluster mode, so each line names the node that wrote it
 * (several nodes' logs end up side by side); nothing otherwise.
 */
public final class NodeName extends ClassicConverter {

    private static volatile String prefix = "";

    static void set(String nodeId) {
        prefix = "[" + nodeId + "] ";
    }

    @Override
    public String convert(ILoggingEvent event) {
        return prefix;
    }
}
