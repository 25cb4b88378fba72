package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code java -jar camel-icloud.jar} without flags runs: camel-main with the top-level
 * application.properties and routes/*.camel.yaml, here pointed at the simulator and a temporary folder.
 */
class BundledRoutesTest {

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(20).seed(8)
            .account("main@example.com:pw:nomfa"));

    @TempDir
    Path work;

    @Test
    void applicationPropertiesAndTheBundledRouteSyncTheLibrary() throws Exception {
        ICloudSimulator apple = simulator.get();
        Path photos = work.resolve("photos");
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.addOverrideProperty("icloud.username", "main@example.com");
        main.addOverrideProperty("icloud.password", "pw");
        main.addOverrideProperty("icloud.domain", apple.baseUrl());
        main.addOverrideProperty("icloud.cookie-directory", work.resolve("cookies").toString());
        main.addOverrideProperty("icloud.recent", "3");
        main.addOverrideProperty("icloud.skip-live-photos", "true");
        main.addOverrideProperty("file.directory", photos.toString());
        main.start();
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (count(photos) < 3 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(count(photos)).isEqualTo(3);
            assertThat(main.getCamelContext().getRoute("icloud-to-file")).isNotNull();
            // the remote destinations are off until a setting turns them on
            assertThat(main.getCamelContext().getRoute("icloud-to-s3")).isNull();
            assertThat(main.getCamelContext().getRoute("icloud-to-sftp")).isNull();
        } finally {
            main.stop();
        }
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".part")).count();
        }
    }
}
