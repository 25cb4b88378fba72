package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** One pass of a single {@code icloud:} route into a folder, waited for; a failed pass fails the test. */
final class FolderRoutePass {

    private FolderRoutePass() {
    }

    static void run(String uri, Path folder) throws Exception {
        run(uri, folder, exchange -> { });
    }

    /** @param seen sees each exchange before the folder gets its file */
    static void run(String uri, Path folder, Processor seen) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            CountDownLatch passed = new CountDownLatch(1);
            AtomicReference<Exception> failure = new AtomicReference<>();
            camel.getEndpoint(uri, ICloudEndpoint.class).addPassListener(new ICloudPassListener() {
                @Override
                public void passCompleted(PassResult result) {
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
                    from(uri).process(seen).to("file:" + folder + "?tempFileName=${file:onlyname}.part&autoCreate=true");
                }
            });
            camel.start();
            assertThat(passed.await(2, TimeUnit.MINUTES)).isTrue();
            assertThat(failure.get()).as("the pass failed").isNull();
        }
    }
}
