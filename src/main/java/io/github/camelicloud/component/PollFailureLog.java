package io.github.camelicloud.component;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an {@code icloud:} consumer reports what went wrong, unless the route names an exceptionHandler of its own: a
 * failed pass is one line (its message says what to do; the stack trace only at DEBUG), a failed file is already
 * logged by the consumer ("Could not deliver ..."), so only its trace at DEBUG. Camel's default would print a
 * stack trace for each.
 */
final class PollFailureLog implements ExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PollFailureLog.class);

    private final boolean passFailures;

    /** @param passFailures whether a failed pass is logged (false where the caller reports it, as the CLI does) */
    PollFailureLog(boolean passFailures) {
        this.passFailures = passFailures;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        if (passFailures && !(exception instanceof IncompletePassException)) { // the consumer logged that already
            LOG.warn("{}; the next poll tries again", exception.getMessage());
        }
        LOG.debug("Poll failed", exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exchange == null) {
            handleException(message, exception);
        } else {
            LOG.debug(message, exception);
        }
    }
}
