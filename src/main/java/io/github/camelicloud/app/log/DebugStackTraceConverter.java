package io.github.camelicloud.app.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.LoggerFactory;

/**
 * {@code %debugEx}: a logged exception's stack trace only at {@code --log-level debug} (or trace). At the default
 * level a user reads the message, which says what failed and what to do; a trace is for a bug report.
 */
public final class DebugStackTraceConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        return root.getLevel() != null && root.getLevel().isGreaterOrEqual(Level.INFO) ? "" : super.convert(event);
    }
}
