package io.github.camelicloud.app.routes;

import io.github.camelicloud.app.destination.Destination;
import io.github.camelicloud.app.destination.S3Destination;
import io.github.camelicloud.app.destination.S3Settings;
import java.net.URI;

/**
 * An S3 bucket (AWS, or an S3-compatible server) as the destination of a route: the CLI's
 * {@link S3Destination} — streamed uploads with the length known up front, multipart from 16 MiB, an
 * object with the same key and size counts as delivered. Without keys, the AWS default chain answers.
 */
public class S3Mirror extends RemoteMirror {

    private String bucket;
    private String prefix;
    private String endpoint;
    private String region = "us-east-1";
    private String accessKey;
    private String secretKey;

    @Override
    protected Destination destination() {
        return new S3Destination(new S3Settings(present(bucket).orElse(null), prefix, present(endpoint).map(URI::create),
                present(region).orElse("us-east-1"), present(accessKey), present(secretKey)));
    }

    @Override
    protected String settingsName() {
        return "destinations.s3.*";
    }

    @Override
    protected void closeDestination(Destination destination) {
        ((S3Destination) destination).close();
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** An S3-compatible server (MinIO, Ceph, ...), addressed path-style; blank for AWS. */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }
}
