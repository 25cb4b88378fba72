package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code -a all} (and {@code --folder-structure none}, so the layout is {@code {album}}) to a
 * folder and S3: each album a folder, nested folders nested, photos in no album in {@code Unfiled}; the photo in
 * two albums is one download per destination — a hard link in the folder (same inode), a server-side copy in S3.
 */
class AlbumFoldersIT {

    private static final String USER = "jar-albums@example.com";
    private static final Instant JUNE = Instant.parse("2024-06-01T08:00:00Z");

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(23)
            .account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();

    @TempDir
    static Path work;

    @Test
    void everyAlbumIntoItsFolderWithOneDownloadPerDestination() throws Exception {
        LibraryManifest.Asset shared = add("BOTH.JPG", 5000, JUNE.plusSeconds(2));
        LibraryManifest.Asset alone = add("ALONE.JPG", 4000, JUNE.plusSeconds(1));
        LibraryManifest.Asset loose = add("LOOSE.JPG", 3000, JUNE);
        apple.get().createAlbum(USER, "Trips", null, true);
        apple.get().createAlbum(USER, "Oslo", "Trips", false);
        apple.get().createAlbum(USER, "Best", null, false);
        apple.get().addToAlbum(USER, "Oslo", shared.id());
        apple.get().addToAlbum(USER, "Oslo", alone.id());
        apple.get().addToAlbum(USER, "Best", shared.id());
        s3.get().createBucket("jar-albums");
        Path photos = work.resolve("photos");
        apple.get().resetRequestCounts();

        JarProcess.Result run = JarProcess.jar(work, "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state").toString(), "--no-progress-bar", "-d", photos.toString(), "-a", "all",
                "--folder-structure", "none", "--s3-bucket", "jar-albums", "--s3-endpoint", s3.get().endpoint(),
                "--s3-region", "us-east-1", "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key",
                S3TestServer.SECRET_KEY).run();
        assertThat(run.exitCode()).as(run.output()).isZero();

        Map<String, String> expected = Map.of("Trips/Oslo/BOTH.JPG", content(shared), "Best/BOTH.JPG",
                content(shared), "Trips/Oslo/ALONE.JPG", content(alone), "Unfiled/LOOSE.JPG", content(loose));
        assertThat(StoredFile.contentByKey(StoredFile.under(photos))).isEqualTo(expected);
        assertThat(StoredFile.contentByKey(s3.get().objects("jar-albums"))).as("S3").isEqualTo(expected);
        assertThat(Files.getAttribute(photos.resolve("Best/BOTH.JPG"), "unix:ino"))
                .isEqualTo(Files.getAttribute(photos.resolve("Trips/Oslo/BOTH.JPG"), "unix:ino"));
        assertThat(apple.get().requestCounts().get("GET /B/*")).as("3 photos, one download each per destination")
                .isEqualTo(3 + 3);
        assertThat(run.output()).containsPattern("Copied (Trips/Oslo|Best)/BOTH.JPG to (Trips/Oslo|Best)/BOTH.JPG in S3");
    }

    private static LibraryManifest.Asset add(String name, long size, Instant date) {
        return apple.get().addAsset(USER, new NewAsset(name, null, size, date, null));
    }

    private static String content(LibraryManifest.Asset asset) {
        LibraryManifest.Version original = asset.versions().get("resOriginal");
        return original.size() + ":" + original.sha256();
    }

}
