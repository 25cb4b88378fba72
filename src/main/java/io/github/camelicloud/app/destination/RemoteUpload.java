package io.github.camelicloud.app.destination;

import io.github.camelicloud.component.ICloudConstants;

import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * One file to one remote destination, the step every remote route takes (the CLI's and the bundled
 * YAML routes alike; the consumer placed it already, and routes only what the destination lacks): stream it
 * there (again with a fresh download stream when the upload broke; through a {@link Spool} when metadata is embedded
 * first, then its sidecar) and count it; any failure is rethrown naming the destination, so the consumer records
 * nothing and the next pass sends the file again.
 */
public final class RemoteUpload implements Processor {

    /** Tries per file: a dropped connection mid-upload is retried with a fresh stream from byte 0. */
    static final int ATTEMPTS = 3;

    private final RemoteDelivery delivery;
    private final ProducerTemplate template;
    private final Supplier<Endpoint> target;
    private RetryWithFreshBody upload;

    /** {@code target} is resolved at the first upload, once the destination answered (see Destination#endpoint). */
    public RemoteUpload(RemoteDelivery delivery, ProducerTemplate template, Supplier<Endpoint> target) {
        this.delivery = delivery;
        this.template = template;
        this.target = target;
    }

    /** Resolves the destination's endpoint when first asked; a failure names the destination. */
    public static Supplier<Endpoint> endpointOf(Destination destination, org.apache.camel.CamelContext camel) {
        return () -> {
            try {
                return destination.endpoint(camel);
            } catch (Exception e) {
                throw new DestinationException(destination.explain(e), e);
            }
        };
    }

    private synchronized RetryWithFreshBody upload() {
        if (upload == null) {
            upload = new RetryWithFreshBody(template, target.get(), ATTEMPTS);
        }
        return upload;
    }

    @Override
    public void process(Exchange exchange) {
        try {
            delivery.before(exchange);
            if (delivery.copied(exchange)) {
                delivery.metadataWritten(exchange, java.util.Optional.empty());
                return;
            }
            java.util.Optional<Spool> spool = delivery.spooled(exchange);
            try {
                RetryWithFreshBody upload = upload();
                if (spool.isPresent()) {
                    upload.process(exchange, spool.get());
                } else {
                    upload.process(exchange);
                }
                Exception failure = exchange.getException();
                if (failure != null) {
                    exchange.setException(null);
                    throw failure;
                }
                delivery.after(exchange);
                delivery.metadataWritten(exchange, spool);
            } finally {
                spool.ifPresent(Spool::close);
            }
        } catch (Exception e) {
            throw delivery.failed(e);
        }
    }
}
