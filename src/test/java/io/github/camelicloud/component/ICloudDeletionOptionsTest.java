package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.List;
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
        FolderRoutePass.run("icloud:photos?username=" + USER + "&password=pw&domain=" + apple.get().baseUrl()
                + "&cookieDirectory=" + work.resolve("cookies") + "&directory=" + folder
                + "&initialDelay=0&delay=3600000&repeatCount=1&" + options, folder);
    }
}
