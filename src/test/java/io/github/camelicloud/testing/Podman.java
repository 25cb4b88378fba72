package io.github.camelicloud.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container tools as a user runs them: {@code podman ...} and {@code scripts/build-image.sh}, with the project's
 * {@code scripts/container/containers.conf} (runc and explicit ulimits, which hosts with cgroups v1 need). Each
 * command's output goes to a file in the given folder and comes back with its exit code.
 */
public final class Podman {

    /** The tag scripts/build-image.sh gives the image. */
    public static final String IMAGE = "localhost/camel-icloud:latest";
    private static final Path CONTAINERS_CONF = Path.of("scripts/container/containers.conf").toAbsolutePath();
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private final Path logs;

    public Podman(Path logs) {
        this.logs = logs;
    }

    /**
     * Why the image cannot be built and run here (empty when it can): building the base and running containers
     * with mounted folders owned by other ids needs root, podman, runc and mmdebstrap.
     */
    public static Optional<String> missingPrerequisites() throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("podman", "runc", "mmdebstrap")) {
            if (new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() != 0) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("the container image test needs " + String.join(", ", missing)
                    + ": apt-get install podman runc mmdebstrap uidmap (.ci/run installs them as root)");
        }
        Process id = new ProcessBuilder("id", "-u").start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        return uid.equals("0") ? Optional.empty()
                : Optional.of("the container image test runs as root (it makes the Debian base with mmdebstrap and "
                        + "gives mounted folders to other user ids); .ci/run runs it as root");
    }

    /** {@code podman ARGS}, at most {@code limit}. */
    public Result podman(Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return command(limit, command);
    }

    /** Any command (a script of the project) with the project's containers.conf, at most {@code limit}. */
    public Result command(Duration limit, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(logs);
        Path log = logs.resolve("podman-" + COMMANDS.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CONTAINERS_CONF", CONTAINERS_CONF.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish in " + limit.toSeconds() + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A finished command: what ran, its exit code and everything it printed. */
    public record Result(List<String> command, int exitCode, String output) {

        /** This result, failing with the command and its output unless it exited 0. */
        public Result succeeded() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + exitCode + ":\n" + output);
            }
            return this;
        }
    }
}
