package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.ItemKind;
import io.github.camelicloud.client.photos.SharedAlbum;
import io.github.camelicloud.client.photos.SharedStreams;
import io.github.camelicloud.client.photos.VersionType;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared Albums (issue 17) against the simulator's sharedstreams service: a plain account owns one and subscribes
 * to one; the client lists them and their photos and videos with their contributors (comments skipped) and
 * downloads their bytes; the CLI lists them.
 */
class SharedAlbumsTest {

    private static final String USER = "shared@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(31)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void theClientListsSharedAlbumsTheirContributorsAndDownloadsTheirFiles() throws Exception {
        ICloudClient client = ICloudClient.builder().username(USER).password(() -> Optional.of("pw"))
                .domain(apple.get().baseUrl()).cookieDirectory(work.resolve("client-cookies")).build();
        client.signIn();
        SharedStreams streams = client.sharedStreams();
        List<SharedAlbum> albums = streams.albums();
        assertThat(albums).extracting(SharedAlbum::name).containsExactly("Family Moments", "Ski Trip");
        assertThat(albums).extracting(SharedAlbum::owned).containsExactly(true, false);
        assertThat(albums.get(1).owner()).isEqualTo("Kim Doe");

        List<SharedStreams.SharedAsset> family = streams.assets(albums.get(0));
        assertThat(family).extracting(a -> a.asset().fileName().orElseThrow())
                .containsExactly("PARK.JPG", "CAKE.JPG", "CANDLES.MOV"); // the comments are no files
        assertThat(family).extracting(SharedStreams.SharedAsset::contributor)
                .containsExactly("Me", "Anna Example", "Anna Example");
        assertThat(family.get(2).asset().kind()).isEqualTo(ItemKind.MOVIE);
        for (SharedStreams.SharedAsset a : family) {
            var original = a.asset().versions().get(VersionType.ORIGINAL);
            Path file = work.resolve(a.asset().fileName().orElseThrow());
            client.downloader().downloadTo(original, file);
            assertThat(Files.size(file)).isEqualTo(original.size()).isPositive();
        }
        assertThat(streams.assets(albums.get(1))).extracting(SharedStreams.SharedAsset::contributor)
                .containsExactly("Kim Doe", "Lee Roe");
    }

    @Test
    void theCliListsTheSharedAlbums() {
        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cli-cookies").toString(), "--list-shared-albums");
        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        assertThat(run.output()).contains("Shared Albums:\nFamily Moments (owned)\n"
                + "Ski Trip (subscribed, shared by Kim Doe)\n");
    }
}
