package io.github.camelicloud.client.photos;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.simulator.ICloudSimulator;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2 GB video streams from the simulator to disk in a JVM limited to 128 MB of heap (the surefire
 * execution "small-heap" runs this class with -Xmx128m): memory stays flat whatever the file size.
 */
@Tag("small-heap")
class LargeVideoDownloadTest {

    private static final long TWO_GB = 2L * 1024 * 1024 * 1024;

    @Test
    void twoGigabyteVideoDownloadsWithASmallHeap(@TempDir Path dir) throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with -Xmx128m").isLessThanOrEqualTo(160L << 20);
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(12).seed(3).videoSize(TWO_GB)
                .account("big@example.com:pw:nomfa").build().start()) {
            ICloudClient client = ICloudClient.builder().username("big@example.com").password(() -> Optional.of("pw"))
                    .domain(apple.baseUrl()).cookieDirectory(dir.resolve("cookies")).build();
            client.signIn();
            Asset video = client.photos().library("PrimarySync").all().stream()
                    .filter(a -> a.kind() == ItemKind.MOVIE && a.size() >= TWO_GB).findFirst().orElseThrow();
            AssetVersion original = video.version(VersionType.ORIGINAL).orElseThrow();
            Path part = dir.resolve("video.part");
            client.downloader().downloadTo(original, part);

            assertThat(Files.size(part)).isEqualTo(original.size());
            String expected = apple.manifest("big@example.com").asset(video.id()).versions().get("resOriginal").sha256();
            try (InputStream in = Files.newInputStream(part)) {
                assertThat(SimulatorLibraryTest.sha256(in)).isEqualTo(expected);
            }
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("2 GB video: peak heap %d MB%n", peakHeap >> 20);
        }
    }
}
