package io.github.camelicloud.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Camel application's last line: whether the shutdown (SIGTERM, {@code podman stop}) was graceful, or Camel's
 * shutdown timeout cut what was still running (Camel's own lines are below the log level users see).
 */
final class ShutdownLog extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownLog.class);

    private final CountDownLatch over = new CountDownLatch(1);

    /**
     * On SIGTERM Camel's hang-up hook only tells the main thread to stop, and the JVM ends when the hooks are done:
     * without this one, it could end before the main thread has stopped Camel and said how.
     */
    ShutdownLog holdExitUntilStopped(Duration atMost) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                over.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "camel-icloud-shutdown-log"));
        return this;
    }

    /** The main thread is done (stopped, or never started): the JVM may end. */
    void over() {
        over.countDown();
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        try {
            var shutdown = main.getCamelContext().getShutdownStrategy();
            if (shutdown.isTimeoutOccurred()) {
                LOG.warn("Stopped after the {} s shutdown timeout: work still running was cut; the next run resumes"
                        + " it", shutdown.getTimeout());
            } else {
                LOG.info("Stopped: graceful shutdown complete");
            }
        } finally {
            over();
        }
    }
}
