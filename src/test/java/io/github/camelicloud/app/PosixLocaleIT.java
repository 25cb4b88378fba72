package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.simulator.NewAsset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar under the C/POSIX locale, as cron, systemd units and slim containers run it ({@code env -i}): a
 * non-ASCII password signs in, a non-ASCII folder and asset names are written. Where no UTF-8 locale can be
 * had (simulated by handing the jar its arguments as a relaunched one gets them), a name the system cannot
 * represent is one clear line, and one such asset does not stop the others.
 */
class PosixLocaleIT {

    private static final String USER = "jösé@example.com";
    /** Without a UTF-8 locale the session file of a non-ASCII Apple ID cannot be named (a one-line error too). */
    private static final String ASCII_USER = "ascii@example.com";
    private static final String PASSWORD = "pässwörd-日本";
    private static final String UNICODE_NAME = "Ünïcödé.JPG";
    private static ICloudSimulator apple;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        apple = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(4).videoSize(100_000)
                .account(USER + ":" + PASSWORD + ":nomfa").account(ASCII_USER + ":" + PASSWORD + ":nomfa").build()
                .start();
        apple.addAsset(USER, NewAsset.of(UNICODE_NAME, 4_000));
        apple.addAsset(ASCII_USER, NewAsset.of(UNICODE_NAME, 4_000));
    }

    @AfterAll
    static void stop() {
        apple.close();
    }

    @Test
    void aNonAsciiPasswordFolderAndAssetNameWorkUnderTheCLocale() throws Exception {
        Path folder = work.resolve("fötos");
        Run run = java(Map.of(), "--username", USER, "--password", PASSWORD, "--domain", apple.baseUrl(),
                "--cookie-directory", work.resolve("cookies-a").toString(), "--directory", folder.toString(),
                "--keep-unicode-in-filenames", "--folder-structure", "none", "--no-progress-bar");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(fileNames(folder)).contains(UNICODE_NAME).hasSizeGreaterThan(1);
        assertThat(run.output()).contains("Signed in as " + USER).doesNotContain("\tat ", "Exception");
    }

    @Test
    void withoutAUtf8LocaleAnUnwritableNameIsOneLineAndTheOtherFilesArrive() throws Exception {
        Path folder = work.resolve("photos-b");
        Run run = java(relaunchedWith("--username", ASCII_USER, "--password", PASSWORD, "--domain", apple.baseUrl(),
                "--cookie-directory", work.resolve("cookies-b").toString(), "--directory", folder.toString(),
                "--keep-unicode-in-filenames", "--folder-structure", "none", "--no-progress-bar"));

        assertThat(run.output()).contains("Signed in as ") // the password arrived whole (the log itself is ASCII)
                .contains("Cannot write ", ": file names on this system are ANSI_X3.4-1968", "LANG=C.UTF-8")
                .doesNotContain("\tat ");
        assertThat(fileNames(folder)).isNotEmpty().doesNotContain(UNICODE_NAME);

        Run unicodeId = java(relaunchedWith("--username", USER, "--password", PASSWORD, "--domain", apple.baseUrl(),
                "--cookie-directory", work.resolve("cookies-b").toString(), "--auth-only"));
        assertThat(unicodeId.exitCode()).as(unicodeId.output()).isEqualTo(1);
        assertThat(unicodeId.output()).contains("cannot be named", "LANG=C.UTF-8").doesNotContain("\tat ", "Exception");
    }

    @Test
    void withoutAUtf8LocaleANonAsciiFolderIsAUsageError() throws Exception {
        Run run = java(relaunchedWith("--username", USER, "--password", PASSWORD, "--domain", apple.baseUrl(),
                "--directory", work.resolve("fötos-c").toString()));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("--directory", "cannot be named", "LANG=C.UTF-8")
                .doesNotContain("\tat ", "Exception");
    }

    /** The environment of a jar that was already relaunched, in a system with no UTF-8 locale to relaunch in. */
    private static Map<String, String> relaunchedWith(String... args) {
        return Map.of(Utf8Relaunch.ARGUMENTS, "1:" + Base64.getEncoder().encodeToString(String.join("\0", args)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> fileNames(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".part")).toList();
        }
    }

    /** {@code env -i PATH=... HOME=... java -jar camel-icloud.jar ARGS}: the C locale. */
    private static Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("project.jar", "target/camel-icloud.jar")));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", work.toString());
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the jar did not finish in 120 s: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
    }
}
