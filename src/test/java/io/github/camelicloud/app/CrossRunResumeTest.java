package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download a killed run left behind (icloudpd's {@code <base32 checksum>.part} next to the file) is resumed by
 * the next run from its size, against the simulator, and becomes the photo byte for byte; a part that cannot
 * belong to the file (larger than it) is dropped and the file downloaded in full.
 */
class CrossRunResumeTest {

    private static final String USER = "resume@example.com";

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(20).seed(3).videoSize(50_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void thePartAKilledRunLeftIsResumedFromItsSize() throws Exception {
        LibraryManifest.Asset added = simulator.get().addAsset(USER, NewAsset.of("IMG_5000.JPG", 300_000));
        LibraryManifest.Version original = added.versions().get("resOriginal");
        Path whole = work.resolve("whole");
        assertThat(sync(whole).exitCode()).isZero();
        byte[] photo = Files.readAllBytes(whole.resolve("IMG_5000.JPG"));
        assertThat(photo).hasSize(300_000);

        Path resumed = Files.createDirectories(work.resolve("resumed"));
        String partName = new Base32().encodeToString(Base64.getDecoder().decode(original.fileChecksum())) + ".part";
        Path part = resumed.resolve(partName);
        Files.write(part, Arrays.copyOf(photo, 120_000));
        simulator.get().resetRequestCounts();
        CliRun run = sync(resumed);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(simulator.get().downloadRanges()).as("one download, of the missing tail only")
                .containsExactly("bytes=120000-");
        assertThat(run.output()).contains("Resuming downloading of " + resumed + "/IMG_5000.JPG from 120000");
        assertThat(Files.readAllBytes(resumed.resolve("IMG_5000.JPG"))).isEqualTo(photo);
        assertThat(part).doesNotExist();

        Path stale = Files.createDirectories(work.resolve("stale"));
        Files.write(stale.resolve(partName), new byte[400_000]);
        simulator.get().resetRequestCounts();
        CliRun again = sync(stale);
        assertThat(again.exitCode()).isZero();
        assertThat(simulator.get().downloadRanges())
                .as("a part longer than the file is not resumed: one whole download")
                .singleElement().satisfies(r -> assertThat(r).isIn("none", "bytes=0-"));
        assertThat(again.output()).doesNotContain("Resuming downloading");
        assertThat(Files.readAllBytes(stale.resolve("IMG_5000.JPG"))).isEqualTo(photo);
        assertThat(stale.resolve(partName)).doesNotExist();
    }

    private static CliRun sync(Path photos) {
        return CliRun.of("", "--username", USER, "--password", "pw", "--domain", simulator.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString(), "--recent", "1",
                "--folder-structure", "none", "--no-progress-bar");
    }
}
