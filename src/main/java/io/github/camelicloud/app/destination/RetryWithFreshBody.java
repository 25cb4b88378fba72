package io.github.camelicloud.app.destination;

import io.github.camelicloud.component.DownloadBody;
import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.sync.Sha256;
import java.io.InputStream;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to a remote destination, hashing what it sends (the SHA-256 recorded as what the destination holds, in
 * {@code CamelICloudWrittenSha256}), and when the upload fails (a dropped connection the client cannot
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
    public void process(Exchange exchange) throws InvalidPayloadException {
        send(exchange, () -> DownloadBody.reopen(exchange));
    }

    /**
     * Sends the spooled file (embedded metadata): each try reads it from its first byte; nothing is downloaded
     * again. The file's stream is closed once sent.
     */
    public void process(Exchange exchange, Spool spool) throws InvalidPayloadException, java.io.IOException {
        exchange.getMessage().setBody(java.nio.file.Files.newInputStream(spool.file()));
        try {
            send(exchange, () -> {
                close(exchange);
                try {
                    exchange.getMessage().setBody(java.nio.file.Files.newInputStream(spool.file()));
                    return true;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } finally {
            close(exchange);
        }
    }

    private static void close(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof java.io.Closeable c) {
            org.apache.camel.util.IOHelper.close(c);
        }
    }

    private void send(Exchange exchange, java.util.function.BooleanSupplier reopen) throws InvalidPayloadException {
        for (int attempt = 1; ; attempt++) {
            Sha256.Reading sent = new Sha256.Reading(exchange.getMessage().getMandatoryBody(InputStream.class));
            exchange.getMessage().setBody(sent);
            template.send(target, exchange);
            Exception failure = exchange.getException();
            if (failure == null) {
                exchange.getMessage().setHeader(ICloudConstants.WRITTEN_SHA256, sent.hex());
                return;
            }
            if (attempt >= attempts || !reopen.getAsBoolean()) {
                return;
            }
            LOG.warn("Upload of {} failed ({}); trying again ({}/{})",
                    exchange.getMessage().getHeader(Exchange.FILE_NAME), failure.getMessage(), attempt + 1, attempts);
            exchange.setException(null);
        }
    }
}
