package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar target/camel-icloud.jar ...}. */
class RunnableJarIT {

    @TempDir
    Path work;

    @Test
    void helpListsTheOptions() throws Exception {
        Result r = java("", "--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.output).contains("--username", "--password", "--cookie-directory", "--domain", "--auth-only",
                "--demo", "simulator");
    }

    @Test
    void demoSignsInToTheBuiltInSimulator() throws Exception {
        Result r = java("123456\n", "--demo", "--auth-only", "--cookie-directory", work.toString());
        assertThat(r.output).contains("Two-factor authentication is required", "Authentication completed successfully",
                "Signed in as demo@example.com");
        assertThat(r.exitCode).isZero();
    }

    @Test
    void simulatorSubcommandDescribesItself() throws Exception {
        Result r = java("", "simulator", "--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.output).contains("--port", "--account", "--mfa-code", "--trust-days");
    }

    private Result java(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("project.jar", "target/camel-icloud.jar")));
        command.addAll(List.of(args));
        Path log = work.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the jar did not finish in 60 s: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    private record Result(int exitCode, String output) {
    }
}
