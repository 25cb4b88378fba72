package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download pipeline (issue 16): a file that takes long does not hold back the next pages' downloads, while each
 * page's outcome still reaches the listeners only once all its files are stored, in listing order.
 */
class ICloudConsumerPipelineTest {

    private static final String USER = "pipeline@example.com";
    private static final long GENEROUS = 60;
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(40).seed(5).videoSize(20_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void aSlowFileDoesNotHoldBackTheNextPagesAndPagesAreReportedInOrderOnceDone() throws Exception {
        Path photos = work.resolve("photos");
        List<String> events = new CopyOnWriteArrayList<>();
        List<Asset> reported = new CopyOnWriteArrayList<>();
        AtomicReference<String> slow = new AtomicReference<>();
        CountDownLatch laterPageStarted = new CountDownLatch(1);
        CountDownLatch passOver = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        // the first page's asset (two files start at once: whichever reaches the route first is not the first page's)
        ICloudClient lister = ICloudClient.builder().username(USER).password(() -> Optional.of("pw"))
                .domain(apple.get().baseUrl()).cookieDirectory(work.resolve("lister")).build();
        lister.signIn();
        slow.set(lister.photos().library("PrimarySync").all().assets().next().id());
        try (CamelContext camel = new DefaultCamelContext()) {
            // a page per asset, two files at a time: the first asset's file is the slow one
            ICloudEndpoint icloud = camel.getEndpoint("icloud:photos?username=" + USER + "&password=pw&domain="
                    + apple.get().baseUrl() + "&cookieDirectory=" + work.resolve("cookies") + "&directory=" + photos
                    + "&pageSize=1&concurrency=2&skipLivePhotos=true&maxRetries=0", ICloudEndpoint.class);
            icloud.addPassListener(new ICloudPassListener() {
                @Override
                public void pageHandled(List<AssetOutcome> outcomes) {
                    outcomes.forEach(o -> {
                        reported.add(o.asset());
                        events.add("page " + o.asset().id());
                    });
                }

                @Override
                public void passCompleted(PassResult result) {
                    passOver.countDown();
                }

                @Override
                public void passFailed(Exception error) {
                    failure.set(error);
                    passOver.countDown();
                }
            });
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(icloud).routeId("pipeline").process(e -> {
                        String id = e.getMessage().getHeader(ICloudConstants.ASSET_ID, String.class);
                        events.add("start " + id);
                        if (id.equals(slow.get())) { // held until a later page's file has started
                            events.add("released " + laterPageStarted.await(GENEROUS, TimeUnit.SECONDS));
                        } else if (!id.equals(slow.get())) {
                            laterPageStarted.countDown();
                        }
                    }).to("file:" + photos + "?tempFileName=${file:onlyname}.part").process(e -> events.add("end "
                            + e.getMessage().getHeader(ICloudConstants.ASSET_ID, String.class)));
                }
            });
            camel.start();
            assertThat(passOver.await(3, TimeUnit.MINUTES)).isTrue();
            camel.getRouteController().stopRoute("pipeline");
        }
        assertThat(failure.get()).as("the pass failed").isNull();
        String first = slow.get();
        assertThat(events).as("%s", events).contains("released true");
        int slowEnd = events.indexOf("end " + first);
        int laterStart = indexOf(events, e -> e.startsWith("start ") && !e.equals("start " + first));
        assertThat(laterStart).as("a later page's file started while the slow one was routed").isLessThan(slowEnd);
        assertThat(events.indexOf("page " + first)).as("its page is reported once its file is stored")
                .isGreaterThan(slowEnd);
        List<Asset> inOrder = new ArrayList<>(reported);
        inOrder.sort(Comparator.comparing(Asset::created).reversed());
        assertThat(reported).as("pages reported in listing order, each once").containsExactlyElementsOf(inOrder)
                .doesNotHaveDuplicates();
        assertThat(reported.get(0).id()).isEqualTo(first);
        for (Asset a : reported) {
            assertThat(events.indexOf("page " + a.id())).as(a.id()).isGreaterThan(events.indexOf("end " + a.id()));
        }
    }

    private static int indexOf(List<String> events, java.util.function.Predicate<String> wanted) {
        for (int i = 0; i < events.size(); i++) {
            if (wanted.test(events.get(i))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
