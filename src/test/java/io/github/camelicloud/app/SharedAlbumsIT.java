package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --list-shared-albums}: the Shared Albums of a plain simulator account (one owned,
 * one subscribed to), read from the sharedstreams service the simulator serves; and with {@code --shared-album all}:
 * their photos and videos in a folder of each album and contributor, byte for byte what the albums hold.
 */
class SharedAlbumsIT {

    private static final String USER = "jar-shared@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(29)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void listsTheOwnedAndTheSubscribedSharedAlbums() throws Exception {
        apple.get().resetRequestCounts();
        JarProcess.Result run = JarProcess.jar(work, "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(),
                "--list-shared-albums").run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Shared Albums:", "Family Moments (owned)",
                "Ski Trip (subscribed, shared by Kim Doe)");
        assertThat(apple.get().requestCounts()).anySatisfy((path, count) ->
                assertThat(path).endsWith("/sharedstreams/webgetalbumslist"));
    }

    @Test
    void downloadsEverySharedAlbumIntoAFolderPerAlbumAndContributor() throws Exception {
        Path folder = work.resolve("photos");
        JarProcess.Result run = JarProcess.jar(work, "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--directory",
                folder.toString(), "--shared-album", "all", "--folder-structure", "{album}/{contributor}",
                "--no-progress-bar").run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> expected = ManifestFiles.sharedAlbumFiles(apple.get().sharedAlbums(USER), item ->
                Optional.of(item.album() + "/" + item.contributor() + "/" + item.asset().fileName()));
        assertThat(expected).hasSize(5);
        assertThat(StoredFile.contentByKey(StoredFile.under(folder))).isEqualTo(expected);
        assertThat(run.output()).contains("Downloaded " + folder.resolve("Ski Trip/Lee Roe/LIFT.JPG"));
    }
}
