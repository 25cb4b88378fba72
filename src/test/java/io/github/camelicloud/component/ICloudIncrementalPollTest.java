package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer in watch mode (a route that keeps polling): after the first, full pass each poll costs exactly one
 * request, {@code changes/zone}, and a photo added between polls arrives through it.
 */
class ICloudIncrementalPollTest {

    private static final String USER = "poll@example.com";
    private static final String CHANGES = "POST /database/1/com.apple.photos.cloud/production/private/changes/zone";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(150).seed(12).videoSize(50_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void eachPollAfterTheFirstIsOneChangesRequest() throws Exception {
        Path photos = work.resolve("photos");
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(4);
        List<Exception> failures = new CopyOnWriteArrayList<>();
        try (CamelContext camel = new DefaultCamelContext()) {
            ICloudEndpoint icloud = camel.getEndpoint("icloud:photos?username=" + USER + "&password=pw&domain="
                    + apple.get().baseUrl() + "&cookieDirectory=" + work.resolve("cookies") + "&directory=" + photos
                    + "&skipCreatedBefore=2025-06-01&initialDelay=0&delay=50&maxRetries=0", ICloudEndpoint.class);
            icloud.addPassListener(new ICloudPassListener() {
                @Override
                public void passCompleted(io.github.camelicloud.component.PassResult result) {
                    int n = passes.incrementAndGet();
                    if (n == 1) {
                        apple.get().resetRequestCounts(); // the full listing is over; polls from here on are counted
                    } else if (n == 2) {
                        apple.get().addAsset(USER, NewAsset.of("IMG_8100.JPG", 4000));
                    }
                    enough.countDown();
                }

                @Override
                public void passFailed(Exception error) {
                    failures.add(error); // an AssertionError here would die on the consumer's thread unseen
                }
            });
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(icloud).routeId("watch").to("file:" + photos + "?tempFileName=${file:onlyname}.part");
                }
            });
            camel.start();
            assertThat(enough.await(120, TimeUnit.SECONDS)).isTrue();
            camel.getRouteController().stopRoute("watch");
        }
        assertThat(failures).as("failed passes").isEmpty();
        int counted = passes.get() - 1;
        Map<String, Long> requests = apple.get().requestCounts();
        assertThat(requests.keySet()).as("%s", requests).allMatch(k -> k.equals(CHANGES) || k.equals("GET /B/*"));
        assertThat(requests.get(CHANGES)).isEqualTo(counted);
        assertThat(requests.get("GET /B/*")).as("only the added photo").isEqualTo(1);
        try (Stream<Path> files = Files.walk(photos)) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("IMG_8100.JPG");
        }
    }
}
