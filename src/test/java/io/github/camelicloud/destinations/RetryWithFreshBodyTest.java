package io.github.camelicloud.destinations;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.app.destination.RetryWithFreshBody;
import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** An upload that breaks after part of the stream was sent is retried with a fresh stream: bytes end up whole. */
class RetryWithFreshBodyTest extends CamelTestSupport {

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(20).seed(4)
            .account("r@example.com:pw:nomfa"));
    private final AtomicInteger calls = new AtomicInteger();

    @TempDir
    static Path cookies;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:flaky").process(e -> {
                    InputStream in = e.getMessage().getBody(InputStream.class);
                    if (calls.incrementAndGet() == 1) {
                        in.readNBytes(1000); // half an upload, then the connection drops
                        throw new IOException("connection reset by peer");
                    }
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    sha.update(in.readAllBytes());
                    e.getMessage().setHeader("sha256", HexFormat.of().formatHex(sha.digest()));
                });
                from("icloud:photos?username=r@example.com&password=pw&domain=" + apple.get().baseUrl()
                        + "&cookieDirectory=" + cookies + "&recent=1&skipLivePhotos=true&initialDelay=0&delay=600000")
                        .process(new RetryWithFreshBody(context.createProducerTemplate(), endpoint("direct:flaky"), 3))
                        .to("mock:done");
            }
        };
    }

    @Test
    void theSecondAttemptSendsEveryByte() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);
        done.assertIsSatisfied(20_000);
        var exchange = done.getReceivedExchanges().get(0);
        String id = exchange.getMessage().getHeader(ICloudConstants.ASSET_ID, String.class);
        assertThat(calls).hasValue(2);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("sha256"))
                .isEqualTo(apple.get().manifest("r@example.com").asset(id).versions().get("resOriginal").sha256());
    }
}
