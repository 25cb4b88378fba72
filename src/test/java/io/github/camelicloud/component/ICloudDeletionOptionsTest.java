package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.List;
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
 * The deletion options of a single {@code icloud:} route against the simulator: deleteAfterDownload moves
 * every downloaded asset to Recently Deleted — past the first page of 100, whose ranks shift as it goes —
 * and autoDelete then removes their files from the folder.
 */
class ICloudDeletionOptionsTest {

    private static final String USER = "component@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(130).seed(12).videoSize(20_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void deleteAfterDownloadThenAutoDeleteEmptiesICloudAndTheFolder() throws Exception {
        Path folder = work.resolve("photos");
        int visible = visible().size();
        assertThat(visible).isGreaterThan(100);

        onePass(folder, "deleteAfterDownload=true");
        assertThat(visible()).isEmpty(); // every downloaded asset left the library, none skipped
        List<StoredFile> files = StoredFile.under(folder);
        assertThat(files).hasSizeGreaterThanOrEqualTo(visible);

        onePass(folder, "autoDelete=true");
        assertThat(StoredFile.under(folder)).isEmpty();
    }

    private static List<LibraryManifest.Asset> visible() {
        return apple.get().manifest(USER).assets().stream()
                .filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted()).toList();
    }

    private static void onePass(Path folder, String options) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            String uri = "icloud:photos?username=" + USER + "&password=pw&domain=" + apple.get().baseUrl()
                    + "&cookieDirectory=" + work.resolve("cookies") + "&directory=" + folder
                    + "&initialDelay=0&delay=3600000&repeatCount=1&" + options;
            CountDownLatch passed = new CountDownLatch(1);
            AtomicReference<Exception> failure = new AtomicReference<>();
            camel.getEndpoint(uri, ICloudEndpoint.class).addPassListener(new ICloudPassListener() {
                @Override
                public void passCompleted(io.github.camelicloud.component.PassResult result) {
                    passed.countDown();
                }

                @Override
                public void passFailed(Exception error) {
                    failure.set(error); // an AssertionError here would die on the consumer's thread unseen
                    passed.countDown();
                }
            });
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("file:" + folder + "?tempFileName=${file:onlyname}.part&autoCreate=true");
                }
            });
            camel.start();
            assertThat(passed.await(2, TimeUnit.MINUTES)).isTrue();
            assertThat(failure.get()).as("the pass failed").isNull();
        }
    }
}
