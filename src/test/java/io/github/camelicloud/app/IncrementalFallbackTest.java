package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.Fault;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * When incremental sync steps back to a full listing, and when its token must not move: a token Apple no longer
 * accepts, a failed delivery (its changes come again next run), other options or an album (a token of their
 * own, or none), --no-incremental.
 */
class IncrementalFallbackTest {

    private static final String USER = "fallback@example.com";
    private static final String QUERY = "POST /database/1/com.apple.photos.cloud/production/private/records/query";
    private static final String CHANGES = "POST /database/1/com.apple.photos.cloud/production/private/changes/zone";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(300).seed(4).videoSize(50_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void aRejectedTokenMeansAFullListingAndANewToken() throws Exception {
        Path photos = work.resolve("stale");
        Path cookies = work.resolve("cookies-stale");
        assertThat(sync(photos, cookies).exitCode()).isZero();
        Path state = stateFile(cookies);
        Files.writeString(state, Files.readString(state).replaceAll("\"syncToken\" : \"[^\"]+\"",
                "\"syncToken\" : \"AQAAAAAAAAAA\""));

        CliRun stale = sync(photos, cookies);
        assertThat(stale.exitCode()).as(stale.output()).isZero();
        assertThat(stale.output()).contains("no longer accepts the stored sync token of PrimarySync (BAD_REQUEST")
                .contains("Looking up all photos").doesNotContain("Downloaded ");
        assertThat(apple.get().requestCounts().get(QUERY)).as("listed in full").isGreaterThan(2);
        assertThat(Files.readString(state)).doesNotContain("AQAAAAAAAAAA");

        CliRun after = sync(photos, cookies);
        assertThat(after.output()).contains("Looking up changes of PrimarySync");
        // the changes only: the indexing check belongs to full passes (the rejected token's run made one)
        assertThat(apple.get().requestCounts()).containsEntry(CHANGES, 1L).doesNotContainKey(QUERY);
    }

    @Test
    void aFailedDeliveryKeepsTheTokenSoTheNextRunSeesTheSameChanges() throws Exception {
        Path photos = work.resolve("crash");
        Path cookies = work.resolve("cookies-crash");
        assertThat(sync(photos, cookies).exitCode()).isZero();
        Path state = stateFile(cookies);
        String before = Files.readString(state);

        apple.get().addAsset(USER, NewAsset.of("IMG_7001.JPG", 7000));
        apple.get().injectFault(Fault.of("GET", "/B/*", 404).times(20));
        try {
            CliRun failed = sync(photos, cookies);
            assertThat(failed.output()).contains("1 new or changed");
            assertThat(names(photos)).doesNotContain("IMG_7001.JPG");
            assertThat(Files.readString(state)).as("the token stays where it was").isEqualTo(before);
        } finally {
            apple.get().clearFaults();
        }

        CliRun retried = sync(photos, cookies);
        assertThat(retried.exitCode()).as(retried.output()).isZero();
        assertThat(retried.output()).contains("1 new or changed");
        assertThat(names(photos)).contains("IMG_7001.JPG");
        assertThat(Files.readString(state)).isNotEqualTo(before);
    }

    @Test
    void otherOptionsAlbumsAndNoIncrementalListInFull() throws Exception {
        Path photos = work.resolve("options");
        Path cookies = work.resolve("cookies-options");
        assertThat(sync(photos, cookies).exitCode()).isZero();

        CliRun otherLayout = sync(photos, cookies, "--folder-structure", "none");
        assertThat(otherLayout.output()).contains("Looking up all photos"); // another plan: a token of its own
        assertThat(sync(photos, cookies, "--folder-structure", "none").output()).contains("Looking up changes");

        CliRun album = sync(photos, cookies, "--album", "Favorites");
        assertThat(album.output()).contains("Looking up all photos and videos from album Favorites");
        CliRun full = sync(photos, cookies, "--no-incremental");
        assertThat(full.output()).contains("Looking up all photos").doesNotContain("Looking up changes");
        assertThat(apple.get().requestCounts()).doesNotContainKey(CHANGES);
        CliRun dry = sync(photos, cookies, "--dry-run");
        assertThat(dry.output()).contains("Looking up changes"); // reads the token, never moves it
    }

    private static CliRun sync(Path photos, Path cookies, String... more) {
        apple.get().resetRequestCounts();
        List<String> args = new java.util.ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", cookies.toString(), "-d", photos.toString(),
                "--skip-created-before", "2025-06-01T00:00:00Z", "--max-retries", "0", "--no-progress-bar"));
        args.addAll(List.of(more));
        return CliRun.of("", args.toArray(String[]::new));
    }

    private static Path stateFile(Path cookies) throws IOException {
        try (Stream<Path> all = Files.list(cookies.resolve("camel-icloud-state"))) {
            return all.filter(p -> p.getFileName().toString().startsWith("sync-")).findFirst().orElseThrow();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
    }
}
