package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.InvalidCredentialsException;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Configuration, secrets, errors reaching the route, and the producer's operations, against the simulator. */
class ICloudEndpointTest extends CamelTestSupport {

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(30).seed(9)
            .account("ep@example.com:pw:nomfa"));

    @TempDir
    static Path cookies;

    private static final int IN_ORDER = 8;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(ICloudException.class).handled(true).to("mock:errors");
                from("icloud:photos?username=ep@example.com&password=wrong-one&domain=" + apple.get().baseUrl()
                        + "&cookieDirectory=" + cookies.resolve("bad") + "&bridgeErrorHandler=true&initialDelay=0"
                        + "&delay=60000&maxRetries=0").routeId("bad-password").to("mock:never");
                from("direct:ops").to("icloud:photos?username=ep@example.com&password=pw&domain="
                        + apple.get().baseUrl() + "&cookieDirectory=" + cookies.resolve("good"));
                from("icloud:photos?username=ep@example.com&password=pw&domain=" + apple.get().baseUrl()
                        + "&cookieDirectory=" + cookies.resolve("ordered") + "&concurrency=1&recent=" + IN_ORDER
                        + "&skipLivePhotos=true&initialDelay=0&delay=600000").routeId("one-by-one").autoStartup(false)
                        .process(e -> {
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            Thread.sleep(30); // a slow destination: a second file would start meanwhile
                            inFlight.decrementAndGet();
                        })
                        .to("mock:ordered");
            }
        };
    }

    @Test
    void optionsBindAndTheComponentDefaultsApply() {
        ICloudComponent component = context.getComponent("icloud", ICloudComponent.class);
        component.getConfiguration().setDomain("cn");
        ICloudEndpoint endpoint = context.getEndpoint("icloud:photos?username=a@b.c&password=s3cr3t&sizes=medium,thumb"
                + "&recent=5&skipVideos=true&folderStructure=none", ICloudEndpoint.class);
        ICloudConfiguration c = endpoint.getConfiguration();
        assertThat(c.getDomain()).isEqualTo("cn");
        assertThat(c.getSizes()).isEqualTo("medium,thumb");
        assertThat(c.getRecent()).isEqualTo(5);
        assertThat(c.isSkipVideos()).isTrue();
        assertThat(c.getFolderStructure()).isEqualTo("none");
        assertThat(endpoint.toString()).doesNotContain("s3cr3t");
        component.getConfiguration().setDomain("com");
    }

    @Test
    void anEndpointWithoutAnAppleIdIsRejectedClearly() {
        assertThatThrownBy(() -> context.getEndpoint("icloud:photos?recent=1"))
                .hasStackTraceContaining("needs a username");
        assertThatThrownBy(() -> context.getEndpoint("icloud:videos?username=a"))
                .hasStackTraceContaining("use icloud:photos");
    }

    @Test
    void signInErrorsReachTheRoutesErrorHandler() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        errors.expectedMinimumMessageCount(1);
        errors.assertIsSatisfied(20_000);
        Exception e = errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertThat(e).isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("Invalid email/password combination");
        assertThat(getMockEndpoint("mock:never").getReceivedCounter()).as("a failed sign-in emits nothing")
                .isZero();
    }

    @Test
    void producerOperations() {
        @SuppressWarnings("unchecked")
        List<Object> libraries = template.requestBodyAndHeader("direct:ops", null, ICloudConstants.OPERATION,
                ICloudOperations.listLibraries, List.class);
        assertThat(libraries).contains("PrimarySync");
        @SuppressWarnings("unchecked")
        List<Object> albums = template.requestBodyAndHeader("direct:ops", null, ICloudConstants.OPERATION,
                ICloudOperations.listAlbums, List.class);
        assertThat(albums).contains("Favorites", "Recently Deleted");
        @SuppressWarnings("unchecked")
        List<Object> assets = template.requestBodyAndHeader("direct:ops", null, ICloudConstants.LIMIT, 3, List.class);
        assertThat(assets).hasSize(3);
        byte[] bytes = template.requestBodyAndHeader("direct:ops", assets.get(0), ICloudConstants.OPERATION,
                ICloudOperations.download, byte[].class);
        assertThat((long) bytes.length).isEqualTo(((io.github.camelicloud.client.photos.Asset) assets.get(0)).size());
    }

    /** README: {@code concurrency=1} routes the files one by one, in the library's (icloudpd's) order. */
    @Test
    void concurrencyOneRoutesOneFileAtATimeInTheLibrarysOrder() throws Exception {
        @SuppressWarnings("unchecked")
        List<Object> listed = template.requestBodyAndHeader("direct:ops", null, ICloudConstants.LIMIT, IN_ORDER,
                List.class);
        MockEndpoint ordered = getMockEndpoint("mock:ordered");
        ordered.expectedMessageCount(IN_ORDER);
        context.getRouteController().startRoute("one-by-one");
        ordered.assertIsSatisfied(60_000);
        context.getRouteController().stopRoute("one-by-one");
        assertThat(ordered.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(ICloudConstants.ASSET_ID))
                .containsExactlyElementsOf(listed.stream()
                        .map(a -> ((io.github.camelicloud.client.photos.Asset) a).id()).toList());
        assertThat(maxInFlight.get()).as("files routed at the same time").isEqualTo(1);
    }

    @Test
    void theDeleteOperationMovesTheAssetToRecentlyDeleted() {
        @SuppressWarnings("unchecked")
        List<Object> assets = template.requestBodyAndHeader("direct:ops", null, ICloudConstants.LIMIT, 1, List.class);
        io.github.camelicloud.client.photos.Asset asset = (io.github.camelicloud.client.photos.Asset) assets.get(0);
        assertThat(apple.get().manifest("ep@example.com").asset(asset.id()).deleted()).isFalse();
        template.requestBodyAndHeader("direct:ops", asset, ICloudConstants.OPERATION, ICloudOperations.delete);
        assertThat(apple.get().manifest("ep@example.com").asset(asset.id()).deleted()).as("in Recently Deleted")
                .isTrue();
    }
}
