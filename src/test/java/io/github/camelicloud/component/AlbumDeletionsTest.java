package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * deleteAfterDownload with an {@code {album}} layout: a photo in two albums leaves iCloud only once both album
 * folders hold it (album passes run one after the other; deleting after the first would leave the second without
 * it).
 */
class AlbumDeletionsTest {

    private static final String USER = "albumdeletions@example.com";
    private static final Instant MAY = Instant.parse("2024-05-01T08:00:00Z");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(23)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void aPhotoInTwoAlbumsLeavesICloudOnlyOnceBothAlbumFoldersHoldIt() throws Exception {
        LibraryManifest.Asset both = apple.get().addAsset(USER, new NewAsset("BOTH.JPG", null, 8000, MAY, null));
        LibraryManifest.Asset one = apple.get().addAsset(USER,
                new NewAsset("ONE.JPG", null, 7000, MAY.plusSeconds(1), null));
        apple.get().createAlbum(USER, "First", null, false);
        apple.get().createAlbum(USER, "Second", null, false);
        apple.get().addToAlbum(USER, "First", both.id());
        apple.get().addToAlbum(USER, "Second", both.id());
        apple.get().addToAlbum(USER, "Second", one.id());
        Path folder = work.resolve("photos");

        onePass(folder, "folderStructure={album}&albums=all&deleteAfterDownload=true");

        assertThat(StoredFile.contentByKey(StoredFile.under(folder))).isEqualTo(Map.of(
                "First/BOTH.JPG", content(both), "Second/BOTH.JPG", content(both), "Second/ONE.JPG", content(one)));
        assertThat(visible()).isEmpty(); // both left iCloud once every album folder held them
    }

    private static List<LibraryManifest.Asset> visible() {
        return apple.get().manifest(USER).assets().stream()
                .filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted()).toList();
    }

    private static String content(LibraryManifest.Asset asset) {
        LibraryManifest.Version original = asset.versions().get("resOriginal");
        return original.size() + ":" + original.sha256();
    }

    private static void onePass(Path folder, String options) throws Exception {
        FolderRoutePass.run("icloud:photos?username=" + USER + "&password=pw&domain=" + apple.get().baseUrl()
                + "&cookieDirectory=" + work.resolve("cookies") + "&directory=" + folder
                + "&initialDelay=0&delay=3600000&repeatCount=1&" + options, folder);
    }
}
