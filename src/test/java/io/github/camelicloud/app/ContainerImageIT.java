package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.Podman;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image as the README tells a NAS user to build and run it: {@code scripts/build-image.sh} (the
 * Debian base made by mmdebstrap, cached between runs, imported, the Containerfile built with podman and saved as
 * an OCI archive), then {@code podman run} with {@code /data} (and {@code /config}) mounted, checking the files the
 * container wrote, their owner (PUID/PGID, never root) and the image's HEALTHCHECK. Needs root, podman, runc and
 * mmdebstrap: skipped with that message elsewhere, a failure on CI (NoSkipsOnCi). Prints how long building and
 * starting took (measurements, not assertions).
 */
class ContainerImageIT {

    private static final String USER = "container@example.com";
    private static final int PUID = 1234;
    private static final int PGID = 2345;
    /** UTC+14: most photos' dates differ from UTC's there, so the date folders show that TZ is honoured. */
    private static final ZoneId ZONE = ZoneId.of("Pacific/Kiritimati");
    /** As JarProcess: the quick JIT tier and the serial collector start a short run in half the time. */
    private static final String QUICK_START = "JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(4).seed(47).videoSize(200_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path build;
    @TempDir
    Path work;

    @BeforeAll
    static void buildTheImage() throws Exception {
        Podman.missingPrerequisites().ifPresent(Assumptions::abort);
        long start = System.nanoTime();
        new Podman(build).command(Duration.ofMinutes(8), List.of("scripts/build-image.sh", "--save",
                build.resolve("camel-icloud.oci.tar").toString())).succeeded();
        System.out.printf("ContainerImageIT: scripts/build-image.sh took %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** {@code --save}: an OCI image layout archive that names the image, for {@code podman load -i} on the NAS. */
    @Test
    void theBuildSavesTheImageAsAnOciArchive() throws Exception {
        Path archive = build.resolve("camel-icloud.oci.tar");
        Podman tar = new Podman(work);
        assertThat(tar.command(Duration.ofMinutes(1), List.of("tar", "-xOf", archive.toString(), "oci-layout"))
                .succeeded().output()).contains("\"imageLayoutVersion\"");
        assertThat(tar.command(Duration.ofMinutes(1), List.of("tar", "-xOf", archive.toString(), "index.json"))
                .succeeded().output()).contains("application/vnd.oci.image.manifest.v1+json",
                        "\"org.opencontainers.image.ref.name\":\"" + Podman.IMAGE + "\"");
    }

    /**
     * The class-data archive written at build time (Containerfile) is the one every start maps: with
     * {@code -Xshare:on} a JVM that cannot map it stops, and the jar's classes come from its top layer.
     */
    @Test
    void everyStartMapsTheClassDataArchiveWrittenAtBuildTime() throws Exception {
        Podman.Result version = new Podman(work).podman(Duration.ofMinutes(2), "run", "--rm", "--network", "none",
                "-e", "JAVA_OPTS=-Xshare:on -Xlog:class+load=info", Podman.IMAGE, "--version").succeeded();
        assertThat(version.output()).contains("io.github.camelicloud.app.Main source: shared objects file (top)");
    }

    /** The README's first container command: the demo into the mounted /data, as PUID:PGID, with no network. */
    @Test
    void theDemoFillsTheMountedDataFolderAsPuidAndPgid() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        Podman.Result demo = new Podman(work).podman(Duration.ofMinutes(3), "run", "--rm", "--network", "none",
                "-e", QUICK_START, "-e", "PUID=" + PUID, "-e", "PGID=" + PGID, "-v", data + ":/data", Podman.IMAGE,
                "--demo", "--directory", "/data", "--recent", "5", "--no-progress-bar").succeeded();
        assertThat(demo.output()).contains("Signed in as " + SyncCommand.DEMO_USER,
                "All photos and videos have been downloaded").doesNotContain("\tat ");
        List<StoredFile> files = StoredFile.under(data);
        try (ICloudSimulator library = ICloudSimulator.builder().assets(SyncCommand.DEMO_ASSETS).srpIterations(1000)
                .build().start()) {
            assertThat(files).hasSizeGreaterThanOrEqualTo(5).extracting(StoredFile::content)
                    .isSubsetOf(ManifestAssert.contents(library.manifest(SyncCommand.DEMO_USER)));
        }
        assertThat(files).extracting(StoredFile::key).allMatch(k -> k.matches("\\d{4}/\\d{2}/\\d{2}/[^/]+\\.\\w+"));
        assertOwnedByPuidAndPgid(data);
    }

    /**
     * The Camel application mode from a mounted /config (its application.properties and routes/), syncing from
     * the simulator on the host (host network) into /data: exactly the library, written as PUID:PGID, the session
     * owner-only in /config, the program not root, and the image's HEALTHCHECK healthy once the pass is done.
     */
    @Test
    void theCamelApplicationRunsFromTheMountedConfigAndTurnsHealthy() throws Exception {
        ICloudSimulator apple = simulator.get();
        LibraryManifest library = apple.manifest(USER);
        Path config = applicationFolder(work.resolve("config"));
        Files.writeString(config.resolve("application.properties"), "\nfile.directory = /data/from-config\n",
                StandardOpenOption.APPEND);
        Path data = Files.createDirectories(work.resolve("data"));
        Podman podman = new Podman(work);
        String name = "camel-icloud-it-" + UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        podman.podman(Duration.ofMinutes(1), "run", "-d", "--name", name, "--network", "host",
                "-e", QUICK_START, "-e", "PUID=" + PUID, "-e", "PGID=" + PGID, "-e", "TZ=" + ZONE.getId(),
                "-e", "HEALTH_PORT=" + JarProcess.freePort(), "-e", "ICLOUD_USERNAME=" + USER,
                "-e", "ICLOUD_PASSWORD=pw", "-e", "ICLOUD_DOMAIN=" + apple.baseUrl(),
                "-v", config + ":/config", "-v", data + ":/data", Podman.IMAGE).succeeded();
        try {
            await(podman, name, "a first log line", () -> !logs(podman, name).isBlank());
            double firstLine = (System.nanoTime() - start) / 1e9;
            Path photos = data.resolve("from-config");
            int expected = ManifestAssert.contents(library).size();
            await(podman, name, "the library in /data/from-config", () -> StoredFile.under(photos).stream()
                    .filter(f -> !f.key().endsWith(".part")).count() == expected);
            await(podman, name, "the HEALTHCHECK healthy",
                    () -> podman.podman(Duration.ofSeconds(30), "healthcheck", "run", name).exitCode() == 0);
            System.out.printf("ContainerImageIT: container start to first log line %.1f s, to healthy %.1f s%n",
                    firstLine, (System.nanoTime() - start) / 1e9);
            ManifestAssert.holdsTheLibrary("the container's /data", StoredFile.under(photos), library);
            assertDateFoldersIn(ZONE, StoredFile.under(photos), library);
            assertOwnedByPuidAndPgid(data);
            String status = podman.podman(Duration.ofSeconds(30), "exec", name, "cat", "/proc/1/status")
                    .succeeded().output();
            assertThat(status).as("the program runs as PUID/PGID, not root")
                    .containsPattern("(?m)^Uid:\\s+" + PUID + "\\s").containsPattern("(?m)^Gid:\\s+" + PGID + "\\s");
            Path state = config.resolve(".camel-icloud");
            assertThat(Files.getAttribute(state, "unix:uid")).isEqualTo(PUID);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
            assertThat(logs(podman, name)).doesNotContain("\tat ");
        } finally {
            podman.podman(Duration.ofMinutes(1), "rm", "--force", "--time", "10", name);
        }
    }

    private static void assertOwnedByPuidAndPgid(Path folder) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.toList();
        }
        assertThat(all).as("files and folders in /data owned by PUID:PGID").allSatisfy(p -> {
            assertThat(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(PUID);
            assertThat(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(PGID);
        });
    }

    /** The project's own application.properties and routes/, as a user copies them into the /config volume. */
    private static Path applicationFolder(Path config) throws IOException {
        Files.createDirectories(config.resolve("routes"));
        Files.copy(Path.of("application.properties"), config.resolve("application.properties"));
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            for (Path route : routes.toList()) {
                Files.copy(route, config.resolve("routes").resolve(route.getFileName()));
            }
        }
        return config;
    }

    private static String logs(Podman podman, String name) throws IOException, InterruptedException {
        return podman.podman(Duration.ofSeconds(30), "logs", name).output();
    }

    /** Each file's date folder is its photo's creation date in the container's time zone (TZ), not in UTC. */
    private static void assertDateFoldersIn(ZoneId zone, List<StoredFile> files, LibraryManifest library) {
        DateTimeFormatter folder = DateTimeFormatter.ofPattern("yyyy/MM/dd");
        Map<String, String> folderByContent = new HashMap<>();
        Map<String, String> utcFolderByContent = new HashMap<>();
        ManifestFiles.forEachDefaultFile(library, (asset, version) -> {
            String content = version.size() + ":" + version.sha256();
            folderByContent.put(content, folder.format(asset.assetDate().atZone(zone)));
            utcFolderByContent.put(content, folder.format(asset.assetDate().atZone(ZoneOffset.UTC)));
        });
        assertThat(folderByContent).as("the library has a photo whose date differs in " + zone)
                .isNotEqualTo(utcFolderByContent);
        assertThat(files).allSatisfy(f -> assertThat(f.key()).as("date folder in " + zone)
                .startsWith(folderByContent.get(f.content()) + "/"));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** False while files are being renamed under the walk (a .part file gone between listing and reading). */
    private static boolean holds(Check condition) throws Exception {
        try {
            return condition.holds();
        } catch (IOException | UncheckedIOException renamedMeanwhile) {
            return false;
        }
    }

    /** Waits (at most two minutes) for the condition; fails with the container's output when it never holds. */
    private static void await(Podman podman, String name, String what, Check condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " after two minutes; the container's output:\n"
                        + logs(podman, name));
            }
            Thread.sleep(250);
        }
    }
}
