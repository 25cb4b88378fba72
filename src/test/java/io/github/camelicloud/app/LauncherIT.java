package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/camel-icloud}: the first run of a jar leaves a class-data-sharing archive behind, the next runs start
 * from it, and neither prints anything but the program's own output on stdout (the paths of
 * {@code --only-print-filenames}).
 */
class LauncherIT {

    private static final String USER = "launcher@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(6).seed(3).videoSize(20_000)
            .account(USER + ":pw:nomfa"));

    @TempDir
    Path work;

    @Test
    void theFirstRunWritesTheArchiveTheNextUsesItAndStdoutHoldsOnlyThePaths() throws Exception {
        Path cache = work.resolve("cache");
        Run first = run(cache);
        assertThat(first.exitCode).as(first.stderr).isZero();
        List<Path> archives = archives(cache);
        assertThat(archives).as("the archive the first run wrote").hasSize(1);
        assertThat(Files.size(archives.get(0))).isPositive();
        Run second = run(cache);
        assertThat(second.exitCode).as(second.stderr).isZero();
        assertThat(archives(cache)).isEqualTo(archives);
        for (Run r : List.of(first, second)) {
            assertThat(r.stdout.lines()).as(r.stdout).isNotEmpty()
                    .allMatch(line -> line.startsWith(work.resolve("photos").toString() + "/"));
        }
        assertThat(second.stdout).isEqualTo(first.stdout);
    }

    @Test
    void aCacheFolderItCannotWriteMeansNoArchiveNotAFailedRun() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("cache-is-a-file"), "x");
        Run run = run(notAFolder);
        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(run.stdout.lines()).as(run.stdout).isNotEmpty()
                .allMatch(line -> line.startsWith(work.resolve("photos").toString() + "/"));
    }

    private Run run(Path cache) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(work, "out", ".txt");
        Path stderr = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder("bin/camel-icloud", "--username", USER, "--password", "pw",
                "--domain", apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(),
                "--directory", work.resolve("photos").toString(), "--only-print-filenames", "--no-progress-bar")
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("CAMEL_ICLOUD_JAR", JarProcess.JAR.toString());
        builder.environment().put("JAVA_OPTS", "-Xmx256m -Duser.home=" + work.resolve("home"));
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/camel-icloud did not finish in 3 minutes: " + Files.readString(stderr));
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static List<Path> archives(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache.resolve("camel-icloud"))) {
            return files.sorted().toList();
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
