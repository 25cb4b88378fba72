package io.github.camelicloud.app.destination;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;

/** A remote place the photos are mirrored to (S3, SFTP): its endpoint, what it holds, how to explain failures. */
public interface Destination {

    /** How the destination is shown to users: never a secret. */
    String name();

    /** A short word for route ids and state file names: s3, sftp. */
    String kind();

    /** Identifies the destination in the state directory (same target, same record). */
    String identity();

    /**
     * The Camel endpoint the files are written to, configured programmatically so no secret is in a URI.
     * Resolved at the first upload, after the store checked the destination answers: starting an endpoint
     * may contact the destination (aws2-s3 looks for the bucket), and one that is down must fail its own
     * pass, not the start of every route.
     */
    Endpoint endpoint(CamelContext camel) throws Exception;

    /** Sets the headers the endpoint needs for one file (key, length); the body is left as it is. */
    void prepare(org.apache.camel.Message message, String relativePath);

    /** Where the existence checks go (without contacting the destination yet). */
    RemoteStore store(CamelContext camel);

    /** Turns a failure into a message that names the destination and what to check. */
    String explain(Throwable error);
}
