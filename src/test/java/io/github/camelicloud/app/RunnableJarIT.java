package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestAssert;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar target/camel-icloud.jar ...}. */
class RunnableJarIT {

    @TempDir
    Path work;

    @Test
    void helpListsTheOptions() throws Exception {
        JarProcess.Result r = JarProcess.jar(work, "--help").run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("--username", "--password", "--cookie-directory", "--domain", "--auth-only",
                "--demo", "simulator");
    }

    /**
     * The README's first command, limited to the newest assets: the built-in simulator, its code typed for the
     * user, and files that are the demo library's (the same simulator built here gives the manifest).
     */
    @Test
    void demoSignsInToTheBuiltInSimulatorAndDownloadsItsPhotos() throws Exception {
        Path photos = work.resolve("demo-photos");
        JarProcess.Result r = JarProcess.jar(work, "--demo", "--directory", photos.toString(), "--recent", "3",
                "--cookie-directory", work.resolve("cookies").toString(), "--no-progress-bar").run();
        assertThat(r.output()).contains("Two-factor authentication is required", "Demo: entering the simulator's"
                + " verification code", "Signed in as " + SyncCommand.DEMO_USER,
                "All photos and videos have been downloaded");
        assertThat(r.exitCode()).isZero();
        List<StoredFile> files = StoredFile.under(photos);
        try (ICloudSimulator demo = ICloudSimulator.builder().assets(SyncCommand.DEMO_ASSETS).srpIterations(1000)
                .build().start()) {
            assertThat(files).hasSizeGreaterThanOrEqualTo(3).extracting(StoredFile::content)
                    .isSubsetOf(ManifestAssert.contents(demo.manifest(SyncCommand.DEMO_USER)));
        }
    }

    @Test
    void simulatorSubcommandDescribesItself() throws Exception {
        JarProcess.Result r = JarProcess.jar(work, "simulator", "--help").run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("--port", "--account", "--mfa-code", "--trust-days");
    }
}
