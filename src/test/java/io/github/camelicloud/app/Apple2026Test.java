package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apple's 2026 changes (issue 13), one simulator account flag each: the CLI signs in with a code and syncs the
 * whole primary library, byte for byte as the manifest says, and lists only real libraries.
 */
class Apple2026Test {

    private static final String MIGRATED_ZONE = "PrimarySync1";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(12).seed(26).videoSize(200_000)
            .account("conflict@example.com:pw-1:mfa,hsa2-409")
            .account("notoken@example.com:pw-2:mfa,hsa2-409-no-token")
            .account("strict@example.com:pw-3:mfa,strict-origin")
            .account("migrated@example.com:pw-4:nomfa,primary-zone=" + MIGRATED_ZONE)
            .account("broken@example.com:pw-5:nomfa,zone-errors")
            .account("cmm@example.com:pw-6:nomfa,cmm-zone")
            .account("everything@example.com:pw-7:mfa,hsa2-409-no-token,strict-origin,zone-errors,cmm-zone,"
            + "primary-zone=" + MIGRATED_ZONE)
            .account("stored@example.com:pw-8:mfa")
            .account("asp@example.com:pw-9:mfa,app-password")
            .account("shared@example.com:pw-10:nomfa"));

    @TempDir
    Path work;

    @Test
    void validCodeAnsweredWith409AndASessionTokenSignsInAndSyncs() throws Exception {
        assertSyncsWithCode("conflict@example.com", "pw-1", "PrimarySync");
    }

    @Test
    void validCodeAnsweredWith409WithoutASessionTokenSignsInAndSyncs() throws Exception {
        assertSyncsWithCode("notoken@example.com", "pw-2", "PrimarySync");
    }

    @Test
    void codeAndTrustCallsCarryTheWebAppsOriginAndNoExtraHeaders() throws Exception {
        assertSyncsWithCode("strict@example.com", "pw-3", "PrimarySync");
    }

    @Test
    void migratedPrimaryZoneIsFoundAndLibraryPrimarySyncStillMeansIt() throws Exception {
        assertSyncs("migrated@example.com", "pw-4", "", MIGRATED_ZONE, "--library", "PrimarySync");
        assertThat(listLibraries("migrated@example.com", "pw-4")).contains(MIGRATED_ZONE);
    }

    @Test
    void zoneFetchErrorEntriesAreNeverLibraries() throws Exception {
        assertSyncs("broken@example.com", "pw-5", "", "PrimarySync");
        List<String> libraries = listLibraries("broken@example.com", "pw-5");
        assertThat(libraries).contains("PrimarySync").doesNotContain(MIGRATED_ZONE);
    }

    @Test
    void shareLinkZonesAreNotLibraries() throws Exception {
        assertSyncs("cmm@example.com", "pw-6", "", "PrimarySync");
        List<String> libraries = listLibraries("cmm@example.com", "pw-6");
        assertThat(libraries).contains("PrimarySync").noneMatch(l -> l.startsWith("CMM-"));
        assertThat(libraries).anyMatch(l -> l.startsWith("SharedSync-"));
    }

    @Test
    void allChangesAtOnce() throws Exception {
        assertSyncsWithCode("everything@example.com", "pw-7", MIGRATED_ZONE);
        List<String> libraries = listLibraries("everything@example.com", "pw-7");
        assertThat(libraries).contains(MIGRATED_ZONE).doesNotContain("PrimarySync")
                .noneMatch(l -> l.startsWith("CMM-"));
    }

    @Test
    void storedSessionTokenSignsInWithoutSrpWhenOnlyTheWebSessionEnded() {
        String[] base = {"--username", "stored@example.com", "--domain", apple.get().baseUrl(), "--cookie-directory",
            work.resolve("cookies").toString(), "--auth-only"};
        CliRun first = CliRun.of(apple.get().mfaCode() + "\n", Stream.concat(Stream.of(base),
                Stream.of("--password", "pw-8")).toArray(String[]::new));
        assertThat(first.exitCode()).as(first.output()).isZero();

        apple.get().expireWebSessions();
        apple.get().resetRequestCounts();
        CliRun again = CliRun.of("", base); // no password: only the stored session can sign in
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("Authentication completed successfully").doesNotContain("Please enter");
        assertThat(apple.get().requestCounts()).containsKey("POST /setup/ws/1/accountLogin")
                .doesNotContainKey("POST /appleauth/auth/signin/init");
    }

    @Test
    void appSpecificPasswordIsNamedAsSuch() {
        CliRun run = CliRun.of("", "--username", "asp@example.com", "--password", "abcd-efgh-ijkl-mnop", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--auth-only");
        assertThat(run.output()).contains("app-specific password (-20283)", "can never sign in to iCloud on the web");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    /**
     * icloudpd #1350: an asset moved from the Shared Library to a personal library leaves the shared zone as a
     * tombstone, never passing through Recently Deleted. The incremental run sees it go and --auto-delete keeps the
     * local copy (the photo still exists in iCloud: nothing proves it was deleted).
     */
    @Test
    void assetLeavingTheSharedLibraryWithoutRecentlyDeletedKeepsItsLocalCopy() throws Exception {
        LibraryManifest manifest = apple.get().manifest("shared@example.com");
        String sharedZone = manifest.libraries().stream().filter(l -> l.zone().startsWith("SharedSync-"))
                .findFirst().orElseThrow().zone();
        Path photos = work.resolve("shared");
        String[] args = {"--username", "shared@example.com", "--password", "pw-10", "--domain", apple.get().baseUrl(),
            "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString(), "--library",
            sharedZone, "--auto-delete"};
        CliRun first = CliRun.of("", args);
        assertThat(first.exitCode()).as(first.output()).isZero();
        List<Path> before = ManifestFiles.files(photos);
        assertThat(before).isNotEmpty();

        LibraryManifest.Asset moved = manifest.assets().stream().filter(a -> a.zone().equals(sharedZone)
                && !a.deleted() && !a.hidden()).findFirst().orElseThrow();
        apple.get().expungeAsset("shared@example.com", moved.id());
        CliRun second = CliRun.of("", args);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("left " + sharedZone + " without passing through Recently Deleted");
        assertThat(ManifestFiles.files(photos)).containsExactlyInAnyOrderElementsOf(before);
    }

    private void assertSyncsWithCode(String user, String password, String zone) throws Exception {
        CliRun run = assertSyncs(user, password, apple.get().mfaCode() + "\n", zone);
        assertThat(run.output()).contains("Two-factor authentication is required", "Great, you're all set up");
    }

    /** Syncs the whole primary library ({@code zone}) and checks every file against the manifest. */
    private CliRun assertSyncs(String user, String password, String stdin, String zone, String... extra)
            throws Exception {
        Path photos = work.resolve("photos");
        String[] base = {"--username", user, "--password", password, "--domain", apple.get().baseUrl(),
            "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString()};
        CliRun run = CliRun.of(stdin, Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("All photos and videos have been downloaded");
        LibraryManifest manifest = apple.get().manifest(user);
        assertThat(manifest.libraries().get(0).zone()).isEqualTo(zone);
        List<String> expected = ManifestFiles.expectedSha256(manifest);
        assertThat(expected).isNotEmpty();
        assertThat(ManifestFiles.actualSha256(photos)).containsExactlyInAnyOrderElementsOf(expected);
        return run;
    }

    private List<String> listLibraries(String user, String password) {
        CliRun run = CliRun.of("", "--username", user, "--password", password, "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "--list-libraries");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String out = run.output();
        return out.substring(out.indexOf("Libraries:") + "Libraries:".length()).lines().map(String::strip)
                .filter(l -> l.startsWith("PrimarySync") || l.startsWith("SharedSync") || l.startsWith("CMM"))
                .toList();
    }
}
