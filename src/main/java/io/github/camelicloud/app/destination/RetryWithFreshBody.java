package io.github.camelicloud.app.destination;

import io.github.camelicloud.component.DownloadBody;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to a remote destination, and when the upload fails (a dropped connection the client cannot
 * replay: the stream is half sent), tries again with a fresh download stream from byte 0.
 */
public final class RetryWithFreshBody implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWithFreshBody.class);

    private final ProducerTemplate template;
    private final Endpoint target;
    private final int attempts;

    public RetryWithFreshBody(ProducerTemplate template, Endpoint target, int attempts) {
        this.template = template;
        this.target = target;
        this.attempts = attempts;
    }

    @Override
    public void process(Exchange exchange) {
        for (int attempt = 1; ; attempt++) {
            template.send(target, exchange);
            Exception failure = exchange.getException();
            if (failure == null || attempt >= attempts || !DownloadBody.reopen(exchange)) {
                return;
            }
            LOG.warn("Upload of {} failed ({}); trying again ({}/{})",
                    exchange.getMessage().getHeader(Exchange.FILE_NAME), failure.getMessage(), attempt + 1, attempts);
            exchange.setException(null);
        }
    }
}
