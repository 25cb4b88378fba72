package io.github.camelicloud.app.destination;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.sync.Sha256;
import io.github.camelicloud.testing.S3Extension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.s3.AWS2S3Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;

/**
 * aws2-s3's uploads (single and multipart) through the destination's client carry a SHA-256 checksum; S3Proxy
 * 4.1.0 keeps none (a HEAD in checksum mode answers none), so there the store proves an object's bytes by reading
 * it back, and notices another writer's bytes.
 */
class S3ChecksumTest {

    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();

    @Test
    void uploadsAskForASha256AndTheStoreProvesTheBytes() throws Exception {
        List<String> checksums = new CopyOnWriteArrayList<>();
        S3TestServer server = s3Server.get();
        try (DefaultCamelContext camel = new DefaultCamelContext();
                S3Client client = client(server, checksums)) {
            server.createBucket("sums");
            camel.getRegistry().bind("sums", S3Client.class, Sha256Uploads.of(client));
            camel.start();
            AWS2S3Endpoint endpoint = camel.getEndpoint("aws2-s3://sums?autoCreateBucket=false&amazonS3Client=#sums",
                    AWS2S3Endpoint.class); // as S3Destination configures it
            endpoint.getConfiguration().setMultiPartUpload(true);
            endpoint.getConfiguration().setPartSize(S3Destination.PART_SIZE);
            byte[] small = random(70_000);
            byte[] large = random((int) S3Destination.PART_SIZE + 1000); // two parts
            upload(camel, endpoint, "a/small.jpg", small);
            upload(camel, endpoint, "a/large.mov", large);
            assertThat(checksums).isNotEmpty().containsOnly("x-amz-checksum-sha256");
            assertThat(client.headObject(h -> h.bucket("sums").key("a/small.jpg").checksumMode(ChecksumMode.ENABLED))
                    .checksumSHA256()).as("S3Proxy 4.1.0 keeps no checksum").isNull();

            S3Destination s3 = new S3Destination(new S3Settings("sums", "", Optional.of(URI.create(server.endpoint())),
                    "us-east-1", Optional.of(S3TestServer.ACCESS_KEY), Optional.of(S3TestServer.SECRET_KEY)));
            RemoteStore store = s3.store(camel);
            assertThat(store.differs("a/small.jpg", sha256(small))).isEmpty();
            assertThat(store.differs("a/large.mov", sha256(large))).isEmpty();
            assertThat(store.differs("a/missing.jpg", "00")).hasValue("a/missing.jpg is missing");
            server.put("sums", "a/small.jpg", random(70_001)); // another writer
            assertThat(store.differs("a/small.jpg", sha256(small)))
                    .hasValue("a/small.jpg does not hold the bytes that were uploaded");
            s3.close();
        }
    }

    /** A client that notes which checksum each upload request carries (as a trailer while the body streams). */
    private static S3Client client(S3TestServer server, List<String> checksums) {
        ExecutionInterceptor noting = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.httpRequest().method().name().equals("PUT")) {
                    checksums.add(context.httpRequest().firstMatchingHeader("x-amz-trailer").orElse("none"));
                }
            }
        };
        return S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(URI.create(server.endpoint())).credentialsProvider(StaticCredentialsProvider
                        .create(AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)))
                .overrideConfiguration(o -> o.addExecutionInterceptor(noting)).build();
    }

    private static void upload(DefaultCamelContext camel, AWS2S3Endpoint endpoint, String key, byte[] bytes) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(new ByteArrayInputStream(bytes));
        exchange.getMessage().setHeader("CamelAwsS3Key", key);
        exchange.getMessage().setHeader("CamelAwsS3ContentLength", (long) bytes.length);
        camel.createProducerTemplate().send(endpoint, exchange);
        assertThat(exchange.getException()).isNull();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Sha256.of(new ByteArrayInputStream(bytes));
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }
}
