package io.github.camelicloud.app.destination;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.component.aws2.s3.AWS2S3Endpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3 bucket (or an S3-compatible server) through {@code aws2-s3:}. Uploads stream the iCloud download
 * with its length known up front ({@code CamelAwsS3ContentLength}); files from {@link #PART_SIZE} on go
 * as multipart uploads, one part at a time, so memory stays flat whatever the file size. Every upload asks S3
 * to check and keep a SHA-256 checksum ({@link Sha256Uploads}), which proves an object's bytes before a
 * deletion in iCloud.
 */
public final class S3Destination implements Destination {

    /** Multipart from 16 MiB: small enough to bound what the SDK holds, above S3's 5 MiB minimum. */
    static final long PART_SIZE = 16L * 1024 * 1024;

    private final S3Settings settings;
    private final AtomicReference<S3Client> client = new AtomicReference<>();

    public S3Destination(S3Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "S3 s3://" + settings.bucket() + "/" + settings.prefix()
                + settings.endpoint().map(e -> " at " + e).orElse("");
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public String identity() {
        return "s3://" + settings.bucket() + "/" + settings.prefix() + "@" + settings.endpoint().map(Object::toString)
                .orElse(settings.region());
    }

    @Override
    public Endpoint endpoint(CamelContext camel) {
        // the client goes through the registry: the endpoint URI names it, never the keys
        String bean = "camel-icloud-s3-" + Integer.toHexString(System.identityHashCode(this));
        camel.getRegistry().bind(bean, S3Client.class, Sha256Uploads.of(client()));
        AWS2S3Endpoint endpoint = camel.getEndpoint("aws2-s3://" + settings.bucket() + "?autoCreateBucket=false"
                + "&amazonS3Client=#" + bean, AWS2S3Endpoint.class);
        endpoint.getConfiguration().setMultiPartUpload(true);
        endpoint.getConfiguration().setPartSize(PART_SIZE);
        return endpoint;
    }

    @Override
    public void prepare(Message message, String relativePath) {
        message.setHeader(AWS2S3Constants.KEY, settings.prefix() + relativePath);
        message.setHeader(AWS2S3Constants.CONTENT_LENGTH, message.getHeader(Exchange.CONTENT_LENGTH, Long.class));
        message.setHeader(AWS2S3Constants.CONTENT_TYPE, message.getHeader(Exchange.CONTENT_TYPE, String.class));
    }

    @Override
    public RemoteStore store(CamelContext camel) {
        return new S3Store(client(), settings.bucket(), settings.prefix());
    }

    @Override
    public String explain(Throwable error) {
        Throwable e = DestinationErrors.root(error, S3Exception.class, SdkClientException.class);
        String hint;
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? "" : String.valueOf(s3.awsErrorDetails().errorCode());
            hint = switch (s3.statusCode()) {
                case 404 -> "the bucket '" + settings.bucket() + "' does not exist (create it, or check --s3-bucket"
                        + " and --s3-region)";
                case 403 -> "access denied (" + code + "): check --s3-access-key/--s3-secret-key (or"
                        + " AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) and the bucket's permissions";
                case 301 -> "the bucket is in another region: check --s3-region";
                default -> "S3 answered " + s3.statusCode() + " " + code;
            };
        } else if (e instanceof SdkClientException) {
            hint = "cannot reach the S3 endpoint (" + DestinationErrors.firstLine(e)
                    + "): check --s3-endpoint / --s3-region and the network";
        } else {
            hint = DestinationErrors.firstLine(e);
        }
        return name() + ": " + hint;
    }

    private S3Client client() {
        return client.updateAndGet(c -> c != null ? c : build());
    }

    private S3Client build() {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(),
                        settings.secretKey().get()))
                : DefaultCredentialsProvider.builder().build();
        // short idle time: a pooled connection the server already closed would fail a streamed upload,
        // and the SDK cannot rewind a download stream to retry it (the next run sends the file)
        var http = ApacheHttpClient.builder().connectionMaxIdleTime(java.time.Duration.ofSeconds(5));
        var b = S3Client.builder().httpClientBuilder(http).credentialsProvider(credentials)
                .region(Region.of(settings.region()));
        settings.endpoint().ifPresent(e -> b.endpointOverride(e).forcePathStyle(true));
        return b.build();
    }

    /** Closes the SDK client (its connection pool) once the routes stopped. */
    public void close() {
        S3Client c = client.getAndSet(null);
        if (c != null) {
            c.close();
        }
    }
}
