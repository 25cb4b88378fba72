package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/run.sh on a tiny library, so the script cannot rot: the jar's simulator behind {@code --network custom:...},
 * our client's three phases and the curl limit; results.csv must hold every row with what the simulator counted
 * (every file of the library in the full run, nothing in the no-change run, the added photo in the small-change
 * run), and the chart must be drawn. Timings are not checked (performance is measured, never asserted).
 */
class BenchSmokeIT {

    private static final String HEADER = "tool,phase,seconds,cpu_seconds,peak_rss_mb,requests,bytes";
    private static final long ADDED_PHOTO = 2_500_000;

    @TempDir
    Path out;

    @Test
    void theBenchRunsEveryPhaseAndWritesItsResults() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/time")), "bench/run.sh needs /usr/bin/time (apt-get install time)");
        Assumptions.assumeTrue(onPath("gnuplot"), "bench/run.sh draws its chart with gnuplot (apt-get install gnuplot-nox)");
        Process bench = new ProcessBuilder("bash", "bench/run.sh", "--network",
                "custom:latency-ms=10,per-connection=20M,link=50M", "--assets", "4", "--video-size", "64K", "--out",
                out.toString()).redirectErrorStream(true).redirectOutput(out.resolve("bench.out").toFile()).start();
        assertThat(bench.waitFor(5, TimeUnit.MINUTES)).as("bench finished").isTrue();
        String output = Files.readString(out.resolve("bench.out"));
        assertThat(bench.exitValue()).as(output).isZero();

        List<String> lines = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        Map<String, String[]> rows = new LinkedHashMap<>();
        lines.stream().skip(1).map(l -> l.split(",", -1)).forEach(r -> rows.put(r[0] + "/" + r[1], r));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("camel-icloud/full", "camel-icloud/no-change",
                "camel-icloud/small-change", "limit/full", "limit/no-change", "limit/small-change");

        long libraryBytes = bytes(rows.get("limit/full"));
        assertThat(libraryBytes).as("curl fetched the library").isPositive();
        assertThat(bytes(rows.get("camel-icloud/full"))).as("our full sync fetched every file, plus the API's answers")
                .isGreaterThan(libraryBytes);
        assertThat(bytes(rows.get("camel-icloud/no-change"))).as("no download when nothing changed")
                .isLessThan(ADDED_PHOTO / 10);
        assertThat(bytes(rows.get("camel-icloud/small-change"))).as("the added photo, and little more")
                .isBetween(ADDED_PHOTO, ADDED_PHOTO + libraryBytes / 2);
        assertThat(bytes(rows.get("limit/small-change"))).isEqualTo(ADDED_PHOTO);
        for (String[] row : rows.values()) {
            assertThat(Long.parseLong(row[5])).as("requests of %s", String.join(",", row)).isPositive();
            assertThat(Double.parseDouble(row[2])).as("seconds of %s", String.join(",", row)).isPositive();
        }
        assertThat(Double.parseDouble(rows.get("camel-icloud/full")[3])).as("CPU seconds measured").isPositive();
        assertThat(Integer.parseInt(rows.get("camel-icloud/full")[4])).as("peak RSS measured").isPositive();

        assertThat(Files.readString(out.resolve("network.json"))).contains("\"latencyMs\" : 10");
        assertThat(Files.readString(out.resolve("limit.txt"))).contains("computed limit");
        assertThat(out.resolve("chart.png")).isNotEmptyFile();
        assertThat(output).contains("full sync: camel-icloud", "Load when done");
    }

    private static long bytes(String[] row) {
        return Long.parseLong(row[6]);
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }
}
