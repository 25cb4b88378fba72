package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full sync of a 1000-asset simulated library through the CLI's icloud: → file: route: exactly the
 * manifest's files, byte for byte; a second run downloads nothing; hostile names stay inside the folder.
 */
class SimulatorSyncTest {

    private static final String USER = "sync@example.com";

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(1000).seed(11).videoSize(1_000_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void fullSyncEqualsTheManifestAndASecondRunDownloadsNothing() throws Exception {
        Path photos = work.resolve("photos");
        CliRun first = sync(photos);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("All photos and videos have been downloaded");

        LibraryManifest manifest = simulator.get().manifest(USER);
        List<String> expected = new ArrayList<>();
        for (LibraryManifest.Asset a : manifest.assets()) {
            if (a.zone().equals("PrimarySync") && !a.hidden() && !a.deleted()) {
                expected.add(a.versions().get("resOriginal").sha256());
                if (a.versions().containsKey("resOriginalVidCompl") && !a.itemType().equals("com.apple.quicktime-movie")) {
                    expected.add(a.versions().get("resOriginalVidCompl").sha256());
                }
            }
        }
        List<Path> files = files(photos);
        assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".part"));
        List<String> actual = new ArrayList<>();
        for (Path f : files) {
            actual.add(sha256(f));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);

        CliRun second = sync(photos);
        assertThat(second.exitCode()).isZero();
        assertThat(second.output()).doesNotContain("Downloaded ");
        assertThat(files(photos)).hasSameSizeAs(files);
    }

    @Test
    void hostileFileNamesFromTheServerStayInsideTheTarget() throws Exception {
        for (String hostile : List.of("../../evil.jpg", "a/b.jpg", "..", "ctrl\u0001\u001b[2Jname.jpg",
                "/etc/passwd.jpg", "x".repeat(400) + ".jpg")) {
            simulator.get().addAsset(USER, NewAsset.of(hostile, 1000));
        }
        Path root = work.resolve("hostile");
        Path photos = root.resolve("inside");
        CliRun run = CliRun.of("", "--username", USER, "--password", "pw", "--domain", simulator.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies-h").toString(), "-d", photos.toString(), "--recent", "6",
                "--folder-structure", "none");
        assertThat(run.exitCode()).as(run.output()).isZero();
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile)).hasSize(6)
                    .allSatisfy(f -> assertThat(f.getParent()).isEqualTo(photos))
                    .allSatisfy(f -> assertThat(f.getFileName().toString()).doesNotContain("/", "\u0001", "\u001b"));
        }
        assertThat(work.resolve("evil.jpg")).doesNotExist();
    }

    private CliRun sync(Path photos) {
        return CliRun.of("", "--username", USER, "--password", "pw", "--domain", simulator.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString());
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
