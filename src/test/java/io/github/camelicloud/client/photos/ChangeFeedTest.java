package io.github.camelicloud.client.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.SyncTokenRejectedException;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** PhotoLibrary.changesSince against the simulator: several pages, asset-only edits, tombstones, bad tokens. */
class ChangeFeedTest {

    private static final String USER = "feedclient@example.com";

    @TempDir
    Path dir;

    @RegisterExtension
    final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(30).seed(6).videoSize(50_000)
            .account(USER + ":pw:nomfa"));
    private PhotoLibrary library;

    @BeforeEach
    void start() {
        ICloudClient client = ICloudClient.builder().username(USER).password(() -> Optional.of("pw"))
                .domain(apple.get().baseUrl()).cookieDirectory(dir)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50))).build();
        client.signIn();
        library = client.photos().library("PrimarySync");
    }

    @Test
    void changesSpanningPagesArePairedAndEditsGetTheirMaster() {
        PhotoAlbum.Cursor cursor = library.all().assets();
        List<Asset> existing = new ArrayList<>();
        cursor.forEachRemaining(existing::add);
        String token = cursor.syncToken().orElseThrow();

        List<String> added = new ArrayList<>();
        for (int i = 0; i < 110; i++) { // 220 records: more than one page of 200
            added.add(apple.get().addAsset(USER, NewAsset.of("VID_" + (6000 + i) + ".MOV", 3000 + i)).id());
        }
        Asset edited = existing.get(2);
        apple.get().editAsset(USER, edited.id());
        Asset gone = existing.get(4);
        apple.get().expungeAsset(USER, gone.id());

        LibraryChanges changes = library.changesSince(token);
        assertThat(changes.assets()).extracting(Asset::id).containsExactlyInAnyOrderElementsOf(
                concat(added, edited.id()));
        Asset editedNow = changes.assets().stream().filter(a -> a.id().equals(edited.id())).findFirst().orElseThrow();
        assertThat(editedNow.version(VersionType.ADJUSTED)).isPresent();
        assertThat(editedNow.fileName()).isEqualTo(edited.fileName()); // the master was looked up
        assertThat(changes.expunged()).containsExactlyInAnyOrder(gone.id(), gone.recordName());

        LibraryChanges none = library.changesSince(changes.syncToken());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.syncToken()).isEqualTo(changes.syncToken());
    }

    @Test
    void aTokenAppleRejectsSaysSo() {
        assertThatThrownBy(() -> library.changesSince("bm90IGEgdG9rZW4="))
                .isInstanceOf(SyncTokenRejectedException.class)
                .hasMessageContaining("BAD_REQUEST").hasMessageContaining("listed in full");
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }
}
