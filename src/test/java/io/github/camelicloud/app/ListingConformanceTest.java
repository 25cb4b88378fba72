package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.CassetteReplayServer;
import io.github.camelicloud.testing.Cassettes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing rows of CONFORMANCE.md (S-096…S-104) replayed from Apple's recorded answers through the CLI. */
class ListingConformanceTest {

    @TempDir
    Path base;

    private Path cookies;
    private String data;

    @BeforeEach
    void harness() throws IOException {
        cookies = Files.createDirectories(base.resolve("cookie"));
        data = base.resolve("data").toString();
        Cassettes.copyIcloudpdCookies(cookies);
    }

    @Test
    void s096RecentFiveOnlyPrintFilenamesInTheDefaultLayout() {
        CliRun run = run("listing_photos", "--recent", "5", "--only-print-filenames", "--threads-num", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run)).containsExactly(
                data + "/2018/07/31/IMG_7409.JPG", data + "/2018/07/31/IMG_7409.MOV",
                data + "/2018/07/30/IMG_7408.JPG", data + "/2018/07/30/IMG_7408.MOV",
                data + "/2018/07/30/IMG_7407.JPG", data + "/2018/07/30/IMG_7407.MOV",
                data + "/2018/07/30/IMG_7405.MOV", data + "/2018/07/30/IMG_7404.MOV");
        assertThat(Path.of(data, "2018", "07", "31")).doesNotExist(); // S-104: printing creates no folder
    }

    @Test
    void s097FlatLayout() {
        CliRun run = run("listing_photos", "--recent", "5", "--only-print-filenames", "--folder-structure=none");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run)).containsExactly(data + "/IMG_7409.JPG", data + "/IMG_7409.MOV",
                data + "/IMG_7408.JPG", data + "/IMG_7408.MOV", data + "/IMG_7407.JPG", data + "/IMG_7407.MOV",
                data + "/IMG_7405.MOV", data + "/IMG_7404.MOV");
    }

    @Test
    void skipPhotosLeavesPhotosAndTheirLiveVideosOutAndKeepsTheVideos() {
        CliRun run = run("listing_photos", "--recent", "5", "--only-print-filenames", "--folder-structure=none",
                "--skip-photos");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run)).containsExactly(data + "/IMG_7405.MOV", data + "/IMG_7404.MOV");
    }

    @Test
    void s098MonthNamesAreEnglishUnlessUseOsLocaleIsGiven() {
        java.util.Locale system = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY); // what the JVM takes from LANG=de_DE.UTF-8
        try {
            CliRun english = run("listing_photos", "--recent", "1", "--only-print-filenames",
                    "--folder-structure={:%Y/%B}");
            assertThat(lines(english)).containsExactly(data + "/2018/July/IMG_7409.JPG",
                    data + "/2018/July/IMG_7409.MOV");
            CliRun german = run("listing_photos", "--recent", "1", "--only-print-filenames",
                    "--folder-structure={:%Y/%B %A}", "--use-os-locale");
            assertThat(lines(german)).containsExactly(data + "/2018/Juli Dienstag/IMG_7409.JPG",
                    data + "/2018/Juli Dienstag/IMG_7409.MOV");
        } finally {
            java.util.Locale.setDefault(system);
        }
    }

    @Test
    void s099BadFolderStructureIsRejectedBeforeAnything() {
        CliRun run = run("listing_photos", "--recent", "5", "--only-print-filenames", "--folder-structure={%Y}{%Y}");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("Format {%Y}{%Y} specified in --folder-structure is incorrect");
    }

    @Test
    void s100ListAlbums() {
        CliRun run = run("listing_albums", "--list-albums");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run)).contains("Albums:", "WhatsApp", "Time-lapse", "Recently Deleted", "Favorites", "Jo\u0308rg" /* NFD, as Apple stores it */,
                "Taufe Fotos");
    }

    @Test
    void s101ListLibraries() {
        CliRun run = run("listing_albums", "--list-libraries");
        assertThat(run.exitCode()).isZero();
        assertThat(lines(run)).contains("PrimarySync", "SharedSync-00000000-1111-2222-3333-444444444444");
    }

    @Test
    void s102UnknownLibraryNamesTheOnesThatExist() {
        CliRun run = run("listing_albums", "--library", "doesnotexist", "--only-print-filenames");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output() + run.errors()).contains("Unknown library: doesnotexist", "PrimarySync");
    }

    @Test
    void sharedLibraryListsItsOneAsset() {
        CliRun run = run("listing_photos", "--library", "SharedSync-00000000-1111-2222-3333-444444444444",
                "--only-print-filenames", "--folder-structure", "none");
        assertThat(lines(run)).containsExactly(data + "/solvej dk.PNG");
    }

    private CliRun run(String cassette, String... options) {
        try (CassetteReplayServer apple = CassetteReplayServer.start(Cassettes.require(cassette))) {
            String[] harness = {"-d", data, "--cookie-directory", cookies.toString(), "--domain", apple.baseUrl(),
                "--username", "jdoe@gmail.com", "--password", "password1", "--no-progress-bar"};
            return CliRun.of("", Stream.concat(Stream.of(harness), Stream.of(options)).toArray(String[]::new));
        }
    }

    private static List<String> lines(CliRun run) {
        return run.output().lines().filter(l -> !l.isBlank()).toList();
    }
}
