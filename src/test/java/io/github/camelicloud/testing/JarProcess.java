package io.github.camelicloud.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The shipped jar run as a user runs it: {@code java -jar target/camel-icloud.jar ARGS} in a process of its own,
 * with its own environment, working folder and standard input. Its output (stdout and stderr together, as a
 * terminal shows them) goes to a file in the test's folder. {@code user.home} points into that folder, so a run
 * never reads or writes the real {@code ~/.camel-icloud}.
 */
public final class JarProcess {

    /** The artifact under test; failsafe sets {@code project.jar}. */
    public static final Path JAR = Path.of(System.getProperty("project.jar", "target/camel-icloud.jar"))
            .toAbsolutePath();
    private static final Duration RUN_LIMIT = Duration.ofMinutes(2);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path work;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> launch;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path directory;
    private String stdin = "";

    private JarProcess(Path work, List<String> launch) {
        this.work = work;
        this.launch = List.copyOf(launch);
        // small heap; the quick JIT tier and the serial collector start a short run in half the time on 2 cores
        jvmOptions.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Duser.home=" + work.resolve("home")));
    }

    /** {@code java -jar camel-icloud.jar ARGS}. */
    public static JarProcess jar(Path work, String... args) {
        List<String> launch = new ArrayList<>(List.of("-jar", JAR.toString()));
        launch.addAll(List.of(args));
        return new JarProcess(work, launch);
    }

    /** A main class of the test sources run on the shaded jar alone (plus the test's own classes, no dependencies). */
    public static JarProcess onJar(Path work, Class<?> mainClass, String... args) throws Exception {
        Path testClasses = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> launch = new ArrayList<>(List.of("-cp", JAR + java.io.File.pathSeparator + testClasses,
                mainClass.getName()));
        launch.addAll(List.of(args));
        return new JarProcess(work, launch);
    }

    /** A free loopback port for a server of the jar (web page, metrics): the jar is told it on the command line. */
    public static int freePort() {
        return FreePort.pick();
    }

    /** A JVM option, e.g. a test-only system property. */
    public JarProcess jvm(String option) {
        jvmOptions.add(option);
        return this;
    }

    public JarProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The working folder (default: the test's). */
    public JarProcess in(Path folder) {
        this.directory = folder;
        return this;
    }

    /** What is typed on standard input (a pipe, not a terminal: the first line is the verification code). */
    public JarProcess stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** The command line, for a script that runs it in an environment of its own (a private D-Bus session). */
    public String shellCommand() {
        return String.join(" ", command().stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        return command;
    }

    /** Runs to the end (at most two minutes). */
    public Result run() throws IOException, InterruptedException {
        try (Running running = start()) {
            if (!running.process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the jar did not finish in " + RUN_LIMIT.toSeconds() + " s: " + launch
                        + "\n" + running.output());
            }
            return new Result(running.process.exitValue(), running.output());
        }
    }

    /** Starts it; {@link Running#close()} stops it as Ctrl-C would. */
    public Running start() throws IOException {
        Files.createDirectories(work.resolve("home"));
        Path log = work.resolve("jar-" + RUNS.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory((directory == null ? work : directory).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException exitedAlready) {
            // the output says why
        }
        return new Running(process, log);
    }

    /** A finished run: exit code and everything it printed. */
    public record Result(int exitCode, String output) {
    }

    /** A jar that is running (watch mode, the Camel application, a web page waiting for a code). */
    public static final class Running implements AutoCloseable {

        private final Process process;
        private final Path log;

        private Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        public String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The JVM's process id (for signals: kill -9, SIGSTOP). */
        public long pid() {
            return process.pid();
        }

        /** The exit status of a process that ended. */
        public int awaitExitCode() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** Waits until the condition holds; fails, with the output so far, when the jar exits or time runs out. */
        public void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
            Instant deadline = Instant.now().plus(limit);
            while (!condition.getAsBoolean()) {
                if (!process.isAlive()) {
                    throw new AssertionError("the jar exited (" + process.exitValue() + ") before " + what + ":\n"
                            + output());
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no " + what + " after " + limit.toSeconds() + " s:\n" + output());
                }
                Thread.sleep(200);
            }
        }

        /** Waits for the jar to end by itself. */
        public Result awaitExit(Duration limit) throws InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the jar did not finish in " + limit.toSeconds() + " s:\n" + output());
            }
            return new Result(process.exitValue(), output());
        }

        /** SIGTERM (Camel shuts down gracefully), then a kill if it does not end within 20 s. */
        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
