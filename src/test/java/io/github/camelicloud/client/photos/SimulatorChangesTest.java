package io.github.camelicloud.client.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.DownloadUrlExpiredException;
import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Deleting (to Recently Deleted) and downloading through transient server errors, against the simulator. */
class SimulatorChangesTest {

    private static final String USER = "chg@example.com";

    @TempDir
    Path dir;

    @RegisterExtension
    final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(40).seed(5).account(USER + ":pw:nomfa"));
    private ICloudClient client;

    @BeforeEach
    void start() {
        client = ICloudClient.builder().username(USER).password(() -> Optional.of("pw")).domain(apple.get().baseUrl())
                .cookieDirectory(dir.resolve("cookies"))
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100))).build();
        client.signIn();
    }

    @Test
    void deleteMovesTheAssetToRecentlyDeleted() {
        PhotoLibrary library = client.photos().library("PrimarySync");
        Asset victim = library.all().stream().skip(3).findFirst().orElseThrow();
        library.moveToRecentlyDeleted(victim);

        assertThat(library.all().stream().map(Asset::id)).doesNotContain(victim.id());
        assertThat(library.album("Recently Deleted").stream().map(Asset::id)).contains(victim.id());
        assertThat(apple.get().manifest(USER).asset(victim.id()).deleted()).isTrue();
    }

    @Test
    void anExpiredDownloadUrlIsRenewedWithALookupAndTheDownloadGoesOn() throws Exception {
        PhotoLibrary library = client.photos().library("PrimarySync");
        Asset asset = library.all().stream().findFirst().orElseThrow();
        AssetVersion original = asset.version(VersionType.ORIGINAL).orElseThrow();
        apple.get().advanceClock(Duration.ofHours(2)); // Apple's URLs live about an hour

        assertThatThrownBy(() -> client.downloader().open(original, 0).close())
                .isInstanceOf(DownloadUrlExpiredException.class);
        try (InputStream in = new ResumingDownloadStream(client.downloader(), original,
                () -> library.refresh(asset).version(VersionType.ORIGINAL).orElseThrow(), RetryPolicy.NONE, "a")) {
            assertThat(SimulatorLibraryTest.sha256(in))
                    .isEqualTo(apple.get().manifest(USER).asset(asset.id()).versions().get("resOriginal").sha256());
        }
    }

    @Test
    void downloadsSurviveThrottlingAndResetConnections() throws Exception {
        Asset asset = client.photos().library("PrimarySync").all().stream().findFirst().orElseThrow();
        AssetVersion original = asset.version(VersionType.ORIGINAL).orElseThrow();
        apple.get().injectFault(Fault.of("GET", "/B/*", 503).times(3).retryAfter(Duration.ZERO));
        assertThatThrownBy(() -> client.downloader().open(original, 0).close())
                .isInstanceOf(ServiceUnavailableException.class); // the fault is real: one of three used up
        Path part = dir.resolve("a.part");
        client.downloader().downloadTo(original, part);
        try (InputStream in = Files.newInputStream(part)) {
            assertThat(SimulatorLibraryTest.sha256(in))
                    .isEqualTo(apple.get().manifest(USER).asset(asset.id()).versions().get("resOriginal").sha256());
        }
    }
}
