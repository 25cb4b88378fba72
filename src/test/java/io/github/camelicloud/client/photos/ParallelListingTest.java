package io.github.camelicloud.client.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.http.RetryPolicy;
import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing with pages asked for ahead by rank (issue 16): every asset exactly once and in the listing's order, with
 * CloudKit's partial batches, a photo added mid-listing (ranks shift by one), and a page that fails.
 */
class ParallelListingTest {

    private static final String USER = "list@example.com";
    private static final String SHORT = "short@example.com";
    private static final String ADDING = "adding@example.com";
    private static final String QUERY = "/database/1/com.apple.photos.cloud/production/private/records/query";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(730).seed(16).videoSize(10_000)
            .account(USER + ":pw:nomfa").account(SHORT + ":pw:nomfa,short-pages").account(ADDING + ":pw:nomfa"));

    @TempDir
    Path cookies;

    @AfterEach
    void clearFaults() {
        apple.get().clearFaults();
    }

    @Test
    void pagesAskedAheadGiveTheSequentialListing() {
        PhotoAlbum all = library(USER, 3).all();
        List<String> sequential = ids(all.assets());
        List<String> parallel = ids(all.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, all.count()));
        assertThat(parallel).hasSize(expected(USER).size()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected(USER));
        assertThat(parallel).containsExactlyElementsOf(sequential);
    }

    @Test
    void aCountTooLowStillListsToTheEnd() {
        PhotoAlbum all = library(USER, 3).all();
        assertThat(ids(all.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, 150))).containsExactlyElementsOf(ids(all.assets()));
    }

    @Test
    void partialBatchesMoveTheRanksAndNothingIsSkippedOrRepeated() {
        PhotoAlbum all = library(SHORT, 3).all();
        List<String> parallel = ids(all.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, all.count()));
        assertThat(parallel).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected(SHORT));
        assertThat(parallel).containsExactlyElementsOf(ids(all.assets()));
    }

    @Test
    void aPhotoAddedWhileListingShiftsTheRanksWithoutRepeatingAnAsset() {
        PhotoAlbum all = library(ADDING, 3).all();
        List<String> before = expected(ADDING);
        PhotoAlbum.Cursor cursor = all.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, all.count());
        List<String> listed = new ArrayList<>();
        listed.add(cursor.next().id()); // the first pages are asked for; those after page 1 will be asked later
        apple.get().addAsset(ADDING, NewAsset.of("IMG_9160.JPG", 3000)); // the newest: every rank moves up by one
        cursor.forEachRemaining(a -> listed.add(a.id()));
        assertThat(listed).doesNotHaveDuplicates().containsAll(before);
    }

    @Test
    void aFailedPageIsAskedAgain() {
        apple.get().injectFault(new Fault("POST", QUERY, 503, 2, null));
        PhotoAlbum all = library(USER, 3).all();
        assertThat(ids(all.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, 730))).hasSize(expected(USER).size())
                .doesNotHaveDuplicates();
    }

    @Test
    void aPageThatKeepsFailingEndsTheListingWithItsError() {
        PhotoAlbum all = library(USER, 0).all();
        PhotoAlbum.Cursor cursor = all.assets(PhotoAlbum.DEFAULT_PAGES_AHEAD, 730);
        cursor.next();
        apple.get().injectFault(new Fault("POST", QUERY, 500, 1_000, null));
        assertThatThrownBy(() -> cursor.forEachRemaining(a -> { })).isInstanceOf(ICloudException.class);
    }

    private PhotoLibrary library(String user, int retries) {
        ICloudClient client = ICloudClient.builder().username(user).password(() -> Optional.of("pw"))
                .domain(apple.get().baseUrl()).cookieDirectory(cookies)
                .retryPolicy(new RetryPolicy(retries + 1, Duration.ofMillis(20), Duration.ofSeconds(1))).build();
        client.signIn();
        return client.photos().library("PrimarySync");
    }

    private static List<String> expected(String user) {
        return apple.get().manifest(user).assets().stream()
                .filter(a -> a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted())
                .map(LibraryManifest.Asset::id).toList();
    }

    private static List<String> ids(PhotoAlbum.Cursor cursor) {
        List<String> ids = new ArrayList<>();
        cursor.forEachRemaining(a -> ids.add(a.id()));
        return ids;
    }
}
