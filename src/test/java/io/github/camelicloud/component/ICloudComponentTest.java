package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.CassetteReplayServer;
import io.github.camelicloud.testing.Cassettes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.concurrent.TimeUnit;

/**
 * {@code icloud:photos} in a Java route and in the bundled YAML route, fed by Apple's recorded answers
 * (listing_photos) through a real loopback server: headers, streamed bodies, files written.
 */
class ICloudComponentTest extends CamelTestSupport {

    @TempDir
    static Path base;

    private static CassetteReplayServer apple;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        apple = CassetteReplayServer.start(Cassettes.require("listing_photos"));
        Properties p = new Properties();
        p.put("icloud.username", "jdoe@gmail.com");
        p.put("icloud.password", "password1");
        p.put("icloud.domain", apple.baseUrl());
        p.put("icloud.cookie-directory", cookies().toString());
        p.put("file.directory", base.resolve("yaml").toString());
        p.put("icloud.recent", "1");
        p.put("icloud.skip-live-photos", "true");
        return p;
    }

    @AfterEach
    void stopApple() {
        apple.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("icloud:photos?username={{icloud.username}}&password=RAW({{icloud.password}})"
                        + "&domain={{icloud.domain}}&cookieDirectory={{icloud.cookie-directory}}"
                        + "&recent=3&skipVideos=true&initialDelay=0&delay=3600000&maxRetries=0")
                        .routeId("java-route").autoStartup(false)
                        .to("mock:files");
            }
        };
    }

    @Test
    void javaRouteEmitsOneExchangePerFileWithHeaders() throws Exception {
        MockEndpoint files = getMockEndpoint("mock:files");
        files.expectedMessageCount(6); // 3 live photos: image + video each; bodies stay unread streams
        files.expectedHeaderValuesReceivedInAnyOrder(Exchange.FILE_NAME, "2018/07/31/IMG_7409.JPG",
                "2018/07/31/IMG_7409.MOV", "2018/07/30/IMG_7408.JPG", "2018/07/30/IMG_7408.MOV",
                "2018/07/30/IMG_7407.JPG", "2018/07/30/IMG_7407.MOV");
        context.getRouteController().startRoute("java-route");
        files.assertIsSatisfied(20_000);

        Exchange first = files.getReceivedExchanges().stream()
                .filter(e -> e.getMessage().getHeader(Exchange.FILE_NAME).equals("2018/07/31/IMG_7409.JPG"))
                .findFirst().orElseThrow(); // files are routed concurrently: any order
        assertThat(first.getMessage().getBody()).isInstanceOf(java.io.InputStream.class)
                .isNotInstanceOf(org.apache.camel.StreamCache.class);
        assertThat(first.getMessage().getHeaders()).containsEntry(ICloudConstants.VERSION, "original")
                .containsEntry(ICloudConstants.ALBUM, "All Photos").containsEntry(ICloudConstants.LIBRARY, "PrimarySync")
                .containsEntry(ICloudConstants.SIZE, 1884695L).containsEntry(Exchange.CONTENT_TYPE, "image/jpeg")
                .containsEntry(ICloudConstants.CREATED, Instant.parse("2018-07-31T07:22:24.816Z"))
                .containsEntry(ICloudConstants.ITEM_KIND, "IMAGE")
                .containsKey(ICloudConstants.CHECKSUM).containsKey(ICloudConstants.ASSET_ID);
        assertThat(files.getReceivedExchanges()).filteredOn(e -> e.getMessage().getHeader(Exchange.FILE_NAME)
                .equals("2018/07/31/IMG_7409.MOV")).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getHeader(ICloudConstants.VERSION)).isEqualTo("live-original"));
    }

    @Test
    void bundledYamlRouteWritesTheFiles() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveResource(context, "file:routes/icloud-to-file.camel.yaml"));
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("icloud-to-file").whenDone(1).create();
        context.getRouteController().startRoute("icloud-to-file");
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        Path photo = base.resolve("yaml/2018/07/31/IMG_7409.JPG");
        assertThat(photo).hasSize(1884695);
        assertThat(Files.getLastModifiedTime(photo).toInstant()).isEqualTo(Instant.parse("2018-07-31T07:22:24Z"));
    }

    private static Path cookies() {
        return Cassettes.copyIcloudpdCookies(base.resolve("cookie-" + System.nanoTime()));
    }

}
