package io.github.camelicloud.app;

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

    @Override
    public void afterStop(BaseMainSupport main) {
        var shutdown = main.getCamelContext().getShutdownStrategy();
        if (shutdown.isTimeoutOccurred()) {
            LOG.warn("Stopped after the {} s shutdown timeout: work still running was cut; the next run resumes it",
                    shutdown.getTimeout());
        } else {
            LOG.info("Stopped: graceful shutdown complete");
        }
    }
}
