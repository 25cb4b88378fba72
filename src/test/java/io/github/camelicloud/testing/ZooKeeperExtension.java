package io.github.camelicloud.testing;

import org.apache.curator.test.TestingServer;

/**
 * A real ZooKeeper server (Curator's {@link TestingServer}: ZooKeeper's own server classes, in this JVM) on an
 * ephemeral port; {@link TestingServer#stop()} and {@link TestingServer#restart()} test an outage. Its tick (500 ms)
 * allows session timeouts from 1 s to 10 s (ZooKeeper bounds them to 2–20 ticks).
 */
public final class ZooKeeperExtension extends ServerExtension<TestingServer> {

    @Override
    protected TestingServer start() throws Exception {
        var spec = new org.apache.curator.test.InstanceSpec(folder().toFile(), JarProcess.freePort(), -1, -1, true, -1,
                500, -1);
        return new TestingServer(spec, true);
    }

    /** host:port, as --cluster-zookeeper takes it. */
    public String connectString() {
        return get().getConnectString();
    }
}
