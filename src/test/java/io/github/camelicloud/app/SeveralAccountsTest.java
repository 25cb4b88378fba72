package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several accounts on one command line, as icloudpd takes them: options before the first --username apply to
 * every account, options after a --username to that account only. Two simulator accounts (different
 * libraries) sync into two folders, each with its own session file, their routes in one Camel context; in watch
 * mode every account's routes poll again at each interval.
 */
class SeveralAccountsTest {

    private static final String ANN = "ann@example.com";
    private static final String BOB = "bob@example.com";
    private static ICloudSimulator apple;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        apple = ICloudSimulator.builder().srpIterations(1000).assets(8).seed(21).videoSize(200_000)
                .account(ANN + ":pw:nomfa").account(BOB + ":pw:nomfa").build().start();
    }

    @AfterAll
    static void stop() {
        apple.close();
    }

    @Test
    void twoAccountsSyncIntoTheirOwnFoldersWithTheirOwnOptionsAndSessions() throws Exception {
        Path cookies = work.resolve("cookies-once");
        Path ann = work.resolve("ann");
        Path bob = work.resolve("bob");
        CliRun run = CliRun.of("", "--password", "pw", "--domain", apple.baseUrl(), "--cookie-directory",
                cookies.toString(), "--username", ANN, "--directory", ann.toString(),
                "-u", BOB, "--directory", bob.toString(), "--folder-structure", "none");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Account 1 of 2: " + ANN).contains("Account 2 of 2: " + BOB)
                .contains(ANN + ": " + ann + ": " + expected(ANN) + " delivered, 0 already there, 0 skipped, 0 failed")
                .contains(BOB + ": " + bob + ": " + expected(BOB) + " delivered, 0 already there, 0 skipped, 0 failed");
        assertThat(StoredFile.under(ann)).extracting(StoredFile::content)
                .containsExactlyInAnyOrderElementsOf(DestinationSyncTest.expectedContent(apple.manifest(ANN)));
        assertThat(StoredFile.under(bob)).extracting(StoredFile::content)
                .containsExactlyInAnyOrderElementsOf(DestinationSyncTest.expectedContent(apple.manifest(BOB)));
        // Bob's --folder-structure none is his alone: Ann's files are in date folders, his are not
        assertThat(StoredFile.under(ann)).allSatisfy(f -> assertThat(f.key()).matches("\\d{4}/\\d{2}/\\d{2}/[^/]+"));
        assertThat(StoredFile.under(bob)).allSatisfy(f -> assertThat(f.key()).doesNotContain("/"));
        try (Stream<Path> sessions = Files.list(cookies)) {
            assertThat(sessions.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".camel-icloud.json")))
                    .hasSize(2);
        }
    }

    @Test
    void inWatchModeEveryRoundRunsEveryAccount() throws Exception {
        Path ann = work.resolve("watch-ann");
        Path bob = work.resolve("watch-bob");
        List<String> added = new ArrayList<>();
        int[] lastRound = {0};
        // the routes of both accounts poll every second in one Camel context; the hook hears each finished round
        BundledRoutes.WatchRounds rounds = round -> {
            lastRound[0] = round;
            if (round == 1) { // after the first round, each library gets a new photo
                added.add(apple.addAsset(ANN, new NewAsset("ANN_NEW.JPG", null, 50_000,
                        Instant.parse("2024-02-03T04:05:06Z"), null)).fileName());
                added.add(apple.addAsset(BOB, new NewAsset("BOB_NEW.JPG", null, 60_000,
                        Instant.parse("2024-02-03T04:05:06Z"), null)).fileName());
                return true;
            }
            // a route may have begun its second poll just before the photos were added: the next round has them
            return !(Files.exists(ann.resolve("ANN_NEW.JPG")) && Files.exists(bob.resolve("BOB_NEW.JPG")));
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--password", "pw", "--domain", apple.baseUrl(), "--cookie-directory",
            work.resolve("cookies-watch").toString(), "--folder-structure", "none",
            // a global option, as in icloudpd: taken from anywhere, it applies to every account
            "-u", ANN, "-d", ann.toString(), "-u", BOB, "-d", bob.toString(), "--watch-with-interval", "1"},
                new BufferedReader(new StringReader("")), new PrintStream(out, true, StandardCharsets.UTF_8), false,
                rounds);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lastRound[0]).isBetween(2, 3);
        assertThat(added).containsExactly("ANN_NEW.JPG", "BOB_NEW.JPG");
        assertThat(ann.resolve("ANN_NEW.JPG")).hasSize(50_000);
        assertThat(bob.resolve("BOB_NEW.JPG")).hasSize(60_000);
        assertThat(ann.resolve("BOB_NEW.JPG")).doesNotExist();
        assertThat(StoredFile.under(ann)).hasSize(expected(ANN));
        assertThat(StoredFile.under(bob)).hasSize(expected(BOB));
    }

    @Test
    void anAccountGivenTwiceAndAnUnknownOptionAreNamed() {
        CliRun twice = CliRun.of("", "-u", ANN, "-d", "x", "--username=" + ANN.toUpperCase(), "-d", "y");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.errors()).contains("--username " + ANN.toUpperCase() + " is given twice");

        CliRun unknown = CliRun.of("", "-u", ANN, "-d", "x", "-u", BOB, "--directory", "y", "--no-such-flag");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errors()).contains("Account 2 (--username " + BOB + "): Unknown option: '--no-such-flag'");
    }

    @Test
    void globalOptionsAreTakenFromAnywhereAndEverythingElseIsTheAccounts() {
        var command = new picocli.CommandLine(new SyncCommand(null, null, false)).getCommandSpec();
        AccountArguments split = AccountArguments.split(command, "--smtp-host", "a.example", "-d", "x", "-u", ANN,
                "--log-level", "debug", "--smtp-host=b.example", "--only-print-filenames", "-u", BOB, "--domain", "cn",
                "--notification-email", "bob@example.org");
        assertThat(split.shared()).containsExactly("--smtp-host", "a.example", "-d", "x", "--log-level", "debug",
                "--only-print-filenames", "--domain", "cn");
        assertThat(split.accounts()).containsExactly(List.of("-u", ANN, "--smtp-host=b.example"),
                List.of("-u", BOB, "--notification-email", "bob@example.org"));
    }

    private static int expected(String account) {
        LibraryManifest manifest = apple.manifest(account);
        return DestinationSyncTest.expectedContent(manifest).size();
    }
}
