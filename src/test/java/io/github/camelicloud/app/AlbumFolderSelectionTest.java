package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -a all} with {@code --recent} and {@code --until-found}: each counts per album, newest first, and once more
 * for the photos in no album (into the {@code --unfiled-folder}); a photo of an album that {@code --recent} left out
 * is still in an album, never unfiled.
 */
class AlbumFolderSelectionTest {

    private static final String USER = "album-selection@example.com";
    private static final Instant MAY = Instant.parse("2024-05-01T08:00:00Z");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(47)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void recentAndUntilFoundCountPerAlbumAndForTheUnfiledFolder() throws Exception {
        apple.get().createAlbum(USER, "Garden", null, false);
        LibraryManifest.Asset rose = add("ROSE.JPG", MAY.plusSeconds(50), "Garden");
        add("TULIP.JPG", MAY.plusSeconds(40), "Garden"); // newer than the loose photos, but in an album
        LibraryManifest.Asset receipt = add("RECEIPT.JPG", MAY.plusSeconds(30), null);
        add("OLD.JPG", MAY.plusSeconds(20), null);
        Path folder = work.resolve("photos");

        CliRun recent = run(folder, "--recent", "1");
        assertThat(recent.exitCode()).as(recent.output() + recent.errors()).isZero();
        Map<String, String> expected = new TreeMap<>(Map.of("Garden/ROSE.JPG", content(rose),
                "No album/RECEIPT.JPG", content(receipt)));
        assertThat(StoredFile.contentByKey(StoredFile.under(folder))).isEqualTo(expected);

        LibraryManifest.Asset lily = add("LILY.JPG", MAY.plusSeconds(60), "Garden");
        CliRun untilFound = run(folder, "--until-found", "1");
        assertThat(untilFound.exitCode()).as(untilFound.output() + untilFound.errors()).isZero();
        expected.put("Garden/LILY.JPG", content(lily));
        assertThat(StoredFile.contentByKey(StoredFile.under(folder)))
                .as("LILY is new; ROSE and RECEIPT were there, so TULIP and OLD are not looked at")
                .isEqualTo(expected);
        assertThat(untilFound.output().lines().filter(l -> l.contains("Found 1 consecutive previously downloaded")))
                .hasSize(2);
    }

    private static LibraryManifest.Asset add(String name, Instant date, String album) {
        return apple.get().addAsset(USER, new NewAsset(name, null, 4000 + name.length(), date, album));
    }

    private static String content(LibraryManifest.Asset asset) {
        LibraryManifest.Version original = asset.versions().get("resOriginal");
        return original.size() + ":" + original.sha256();
    }

    private static CliRun run(Path folder, String... extra) {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state").toString(), "--no-progress-bar", "--directory", folder.toString(), "-a", "all",
                "--folder-structure", "none", "--unfiled-folder", "No album"));
        args.addAll(List.of(extra));
        return CliRun.of("", args.toArray(String[]::new));
    }
}
