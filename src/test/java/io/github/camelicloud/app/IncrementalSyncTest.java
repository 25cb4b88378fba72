package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental sync through the CLI against a 10,000-asset simulated library: one full listing, then runs that
 * ask iCloud only what changed (counted by the simulator): nothing (at most 2 requests, sign-in included: no
 * indexing check, the library was indexed when the token was taken), then new, edited, trashed and expunged assets. Only the newest assets are downloaded (--skip-created-before), so
 * the test stays fast; the listing is the whole library.
 */
class IncrementalSyncTest {

    private static final String USER = "delta@example.com";
    private static final String CONTAINER = "POST /database/1/com.apple.photos.cloud/production/private/";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(10_000).seed(21).videoSize(50_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void afterOneFullListingEachRunAsksOnlyForWhatChanged() throws Exception {
        Path photos = work.resolve("photos");
        CliRun full = sync(photos);
        assertThat(full.exitCode()).as(full.output()).isZero();
        long listingPages = count(CONTAINER + "records/query");
        assertThat(listingPages).as("a full listing of 10,000 assets, 100 a page").isGreaterThan(90);
        List<Path> initial = files(photos);
        assertThat(initial).isNotEmpty();
        Path state = onlyStateFile();
        assertThat(Files.getPosixFilePermissions(state)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        CliRun idle = sync(photos);
        assertThat(idle.exitCode()).as(idle.output()).isZero();
        assertThat(apple.get().requestCount()).as("%s", apple.get().requestCounts()).isLessThanOrEqualTo(2);
        assertThat(count(CONTAINER + "changes/zone")).isEqualTo(1);
        assertThat(count(CONTAINER + "records/query")).as("no indexing check, no listing").isZero();
        assertThat(idle.output()).contains("0 new or changed, 0 hidden or deleted, 0 records removed").doesNotContain("Downloaded ");

        LibraryManifest.Asset added = apple.get().addAsset(USER, NewAsset.of("IMG_9001.JPG", 5000));
        LibraryManifest.Asset trashedAtOnce = apple.get().addAsset(USER, NewAsset.of("IMG_9002.JPG", 6000));
        apple.get().deleteAsset(USER, trashedAtOnce.id());
        CliRun news = sync(photos);
        assertThat(news.exitCode()).as(news.output()).isZero();
        assertThat(news.output()).contains("1 new or changed, 1 hidden or deleted, 0 records removed");
        assertThat(newFiles(photos, initial)).containsExactly(Map.entry("IMG_9001.JPG", 5000L));
        assertThat(count(CONTAINER + "records/query")).as("no listing, no indexing check").isZero();
        assertThat(count("GET /B/*")).isEqualTo(1);

        LibraryManifest.Asset edited = apple.get().editAsset(USER, added.id()); // an edit changes only the CPLAsset
        apple.get().expungeAsset(USER, trashedAtOnce.id());
        CliRun edit = sync(photos);
        assertThat(edit.exitCode()).as(edit.output()).isZero();
        assertThat(edit.output()).contains("1 new or changed, 0 hidden or deleted, 2 records removed"); // two tombstones
        assertThat(count(CONTAINER + "records/lookup")).as("the edited asset's master").isEqualTo(1);
        assertThat(newFiles(photos, initial).values()).containsExactlyInAnyOrder(5000L,
                edited.versions().get("resJPEGFull").size());
        assertThat(count("GET /B/*")).as("only the edit").isEqualTo(1);

        CliRun again = sync(photos);
        assertThat(apple.get().requestCount()).as("%s", apple.get().requestCounts()).isLessThanOrEqualTo(2);
        assertThat(again.output()).doesNotContain("Downloaded ");
    }

    private static CliRun sync(Path photos) {
        apple.get().resetRequestCounts();
        return CliRun.of("", "--username", USER, "--password", "pw", "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString(),
                "--size", "original", "--size", "adjusted", "--skip-created-before", "2025-06-30T00:00:00Z",
                "--max-retries", "0", "--no-progress-bar");
    }

    private static long count(String endpoint) {
        return apple.get().requestCounts().getOrDefault(endpoint, 0L);
    }

    private static Path onlyStateFile() throws IOException {
        try (Stream<Path> all = Files.list(work.resolve("cookies").resolve("camel-icloud-state"))) {
            List<Path> tokens = all.filter(p -> p.getFileName().toString().startsWith("sync-")).toList();
            assertThat(tokens).hasSize(1);
            return tokens.get(0);
        }
    }

    /** Files that were not there after the first run: name → size. */
    private static Map<String, Long> newFiles(Path dir, List<Path> initial) throws IOException {
        Set<Path> old = Set.copyOf(initial);
        return files(dir).stream().filter(f -> !old.contains(f)).collect(Collectors.toMap(
                f -> f.getFileName().toString(), f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
