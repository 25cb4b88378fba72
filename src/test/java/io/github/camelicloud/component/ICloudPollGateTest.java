package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode's poll gate on a real consumer: when it closes in the middle of a pass (the node lost the account),
 * the pass stops at the next file, keeps its sync token where it was and polls no more; opened again, the next poll
 * delivers the rest.
 */
class ICloudPollGateTest {

    private static final String USER = "gate@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(8).seed(23).videoSize(20_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void aPassStopsAtTheNextFileOnceTheGateClosesAndTheNextLeaderDeliversTheRest() throws Exception {
        Path photos = work.resolve("photos");
        Path state = work.resolve("state");
        AtomicBoolean leads = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger routed = new AtomicInteger();
        int total = ManifestAssert.contents(apple.get().manifest(USER)).size();
        assertThat(total).isGreaterThan(4);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind(ICloudPollGate.BEAN, ICloudPollGate.class, (ICloudPollGate) account -> {
                assertThat(account).isEqualTo(USER);
                asked.incrementAndGet();
                return leads.get();
            });
            ICloudEndpoint icloud = camel.getEndpoint("icloud:photos?username=" + USER + "&password=pw&domain="
                    + apple.get().baseUrl() + "&cookieDirectory=" + work.resolve("cookies") + "&stateDirectory="
                    + state + "&directory=" + photos + "&concurrency=1&initialDelay=0&delay=50&maxRetries=0",
                    ICloudEndpoint.class);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(icloud).routeId("gated").to("file:" + photos + "?tempFileName=${file:onlyname}.part")
                            .process(e -> {
                                if (routed.incrementAndGet() == 3) {
                                    leads.set(false); // another node took the account during the third file
                                }
                            });
                }
            });
            camel.start();
            await(() -> !leads.get());
            int closedAt = asked.get();
            await(() -> asked.get() >= closedAt + 5); // polls go on, and find the gate closed
            assertThat(routed.get()).as("files routed after the gate closed").isEqualTo(3);
            assertThat(files(photos)).hasSize(3);
            assertThat(tokens(state)).as("sync token of a pass cut short").isEmpty();

            leads.set(true); // the account comes back
            await(() -> files(photos).size() == total && !tokens(state).isEmpty());
            camel.getRouteController().stopRoute("gated");
        }
        assertThat(routed.get()).isEqualTo(total);
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".part")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> tokens(Path state) {
        return files(state).stream().filter(f -> f.getFileName().toString().startsWith("sync-")).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 120 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
