package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The simulator's faults as a script or another client sets them: CLI specs, random faults, the JSON hooks. */
class FaultInjectionTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void commandLineFaultsComeFirstThenSeededRandomOnes() throws Exception {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--port", "0", "--assets", "3", "--fault",
                "503,path=/database/*,count=2", "--fault-rate", "1", "--fault-types", "429", "--seed", "3");
        try (ICloudSimulator simulator = command.build().start()) {
            command.faults().forEach(simulator::injectFault);
            String url = simulator.baseUrl() + "/database/1/com.apple.photos.cloud/production/private/zones/list";
            assertThat(post(url).statusCode()).isEqualTo(503);
            assertThat(post(url).statusCode()).isEqualTo(503);
            HttpResponse<String> random = post(url);
            assertThat(random.statusCode()).isEqualTo(429);
            assertThat(random.headers().firstValue("Retry-After")).contains("1");
            assertThat(simulator.requestCounts()).containsEntry("POST /database/1/com.apple.photos.cloud/production"
                    + "/private/zones/list", 3L);
            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/_simulator/stats")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.body()).contains("\"total\" : 3");
        }
    }

    @Test
    void badSpecsAreExplained() {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--fault", "reset");
        assertThatThrownBy(command::faults).hasMessageContaining("needs a path, e.g. path=/B/*");
        assertThatThrownBy(() -> Fault.parse("teapot,path=/x")).hasMessageContaining("unknown fault type 'teapot'");
        assertThatThrownBy(() -> Fault.parse("stall,path=/x,delay-ms=soon"))
                .hasMessageContaining("'delay-ms' needs a whole number");
        assertThat(Fault.parse("stall,path=/B/*,method=get,count=4,delay-ms=1500")).isEqualTo(
                Fault.stall("GET", "/B/*", Duration.ofMillis(1500)).times(4));
    }

    @Test
    void hooksTakeTransferFaultsAndTheBodyReallyBreaks() throws Exception {
        try (ICloudSimulator simulator = ICloudSimulator.builder().assets(2).build().start()) {
            HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/_simulator/faults")).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"type\":\"truncate\",\"path\":\"/appleauth/auth/signin/init\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(added.statusCode()).isEqualTo(200);
            assertThat(added.body()).contains("\"type\" : \"truncate\"");
            String init = simulator.baseUrl() + "/appleauth/auth/signin/init";
            assertThatThrownBy(() -> post(init)).isInstanceOf(IOException.class);
            assertThat(post(init).statusCode()).as("one fault, used up").isNotEqualTo(503);

            simulator.injectFault(Fault.slow("POST", "/appleauth/*", Duration.ofMillis(50)));
            assertThat(post(init).body()).as("the normal answer, late").contains("serviceErrors");
        }
    }

    @Test
    void downloadUrlsServeTheListedBytes() throws Exception {
        try (ICloudSimulator simulator = ICloudSimulator.builder().assets(4).videoSize(10_000).build().start()) {
            String[] lines = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/_simulator/download-urls")).build(), HttpResponse.BodyHandlers.ofString()).body().split("\n");
            assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
            for (String line : lines) {
                String[] urlAndSize = line.split(" ");
                HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(urlAndSize[0])).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.body()).hasSize(Integer.parseInt(urlAndSize[1]));
            }
            assertThat(simulator.requestCounts()).containsEntry("GET /B/*", (long) lines.length);
        }
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\"demo@example.com\",\"protocols\":[\"s2k\"],"
                        + "\"accountName\":\"demo@example.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
