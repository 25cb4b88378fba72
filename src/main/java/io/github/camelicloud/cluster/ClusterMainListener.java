package io.github.camelicloud.cluster;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/** The Camel application's hook: with {@value ClusterSettings#ZOOKEEPER} set, the routes run as a cluster node. */
public final class ClusterMainListener extends MainListenerSupport {

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        try {
            ClusterNode.installIfConfigured(main.getCamelContext());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cluster mode did not start: " + e.getMessage(), e);
        }
    }
}
