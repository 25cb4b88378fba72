package io.github.camelicloud.app.log;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %safeMsg}: the log message with the control characters of server-supplied text dropped. */
public final class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return TerminalText.clean(super.convert(event));
    }
}
