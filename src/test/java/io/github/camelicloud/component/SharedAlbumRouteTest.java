package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The component's {@code sharedAlbums}: one Shared Album through a route, each exchange naming the album and who
 * added the photo ({@link ICloudConstants#CONTRIBUTOR}), the files in the album's folder (put first in the layout);
 * the listing's URLs expire before the first download (the simulator's clock moves an hour on), and one listing of
 * the album again refreshes them all.
 */
class SharedAlbumRouteTest {

    private static final String USER = "shared-route@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(37)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void eachExchangeNamesTheSharedAlbumAndItsContributor() throws Exception {
        Path folder = work.resolve("photos");
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean expired = new AtomicBoolean();
        apple.get().resetRequestCounts();
        FolderRoutePass.run("icloud:photos?username=" + USER + "&password=pw&domain=" + apple.get().baseUrl()
                + "&cookieDirectory=" + work.resolve("cookies") + "&directory=" + folder
                + "&initialDelay=0&delay=3600000&repeatCount=1&sharedAlbums=Ski Trip&folderStructure={:%Y}",
                folder, e -> {
                    if (!expired.getAndSet(true)) { // the body is not read yet: its URL is now an hour old
                        apple.get().advanceClock(Duration.ofMinutes(61));
                    }
                    seen.add(e.getMessage().getHeader(ICloudConstants.ALBUM) + " by "
                        + e.getMessage().getHeader(ICloudConstants.CONTRIBUTOR) + ": "
                        + e.getMessage().getHeader(ICloudConstants.RELATIVE_PATH) + " from "
                        + e.getMessage().getHeader(ICloudConstants.LIBRARY));
                });
        assertThat(seen).containsExactlyInAnyOrder("Ski Trip by Kim Doe: Ski Trip/2024/SLOPE.JPG from SharedStreams",
                "Ski Trip by Lee Roe: Ski Trip/2024/LIFT.JPG from SharedStreams");
        Map<String, String> expected = ManifestFiles.sharedAlbumFiles(apple.get().sharedAlbums(USER), item ->
                Optional.of("Ski Trip/2024/" + item.asset().fileName()).filter(p -> item.album().equals("Ski Trip")));
        assertThat(StoredFile.contentByKey(StoredFile.under(folder))).isEqualTo(expected);
        Map<String, Long> requests = apple.get().requestCounts();
        assertThat(requests.entrySet()).filteredOn(r -> r.getKey().endsWith("/webgetassets"))
                .as("the listing, and one more for the expired URLs").singleElement()
                .extracting(Map.Entry::getValue).isEqualTo(2L);
        assertThat(requests.keySet()).noneMatch(k -> k.contains("records/lookup"));
    }
}
