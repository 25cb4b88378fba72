package io.github.camelicloud.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/** Where log lines go: stdout as icloudpd does, or stderr when stdout must carry only data. */
final class LogOutput {

    private LogOutput() {
    }

    /** Sends log lines to stderr until the returned handle is closed. */
    static AutoCloseable toStderr() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var stdout = root.getAppender("STDOUT");
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss} %-8level %safeMsg%n%debugEx"); // logback.xml's
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        root.detachAppender("STDOUT");
        root.addAppender(stderr);
        return () -> {
            root.detachAppender(stderr);
            stderr.stop();
            if (stdout != null) {
                root.addAppender(stdout);
            }
        };
    }
}
