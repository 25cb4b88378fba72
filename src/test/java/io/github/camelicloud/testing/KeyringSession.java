package io.github.camelicloud.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real gnome-keyring for keyring tests: a private D-Bus session (dbus-run-session) with its own HOME under the
 * test's folder and an unlocked Secret Service, in which a few shell lines run; the user's own keyring is never
 * touched.
 */
public final class KeyringSession {

    /** Why a keyring test is skipped where the tools are missing. */
    public static final String MISSING = "gnome-keyring, dbus and secret-tool are not installed (apt-get install"
            + " gnome-keyring dbus-x11 libsecret-tools; .ci/run installs them when it runs as root): keyring test"
            + " skipped";

    private KeyringSession() {
    }

    public static boolean installed() {
        return Stream.of("dbus-run-session", "gnome-keyring-daemon", "secret-tool").allMatch(command -> Stream.of(
                System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command))));
    }

    /**
     * Runs the lines (bash, in {@code work}, HOME = {@code work/home}) in the session; its own output goes to
     * {@code work/session.log}. Returns whether the session ended within the limit.
     */
    public static boolean run(Path work, List<String> lines, Duration limit) throws Exception {
        List<String> script = new ArrayList<>(List.of("set -u", "cd '" + work + "'",
                "export HOME='" + work.resolve("home") + "' XDG_DATA_HOME='" + work.resolve("home/.local/share")
                        + "' XDG_RUNTIME_DIR='" + work.resolve("run") + "'",
                "mkdir -p \"$HOME\" \"$XDG_RUNTIME_DIR\"; chmod 700 \"$XDG_RUNTIME_DIR\"",
                "echo -n unlock-me | gnome-keyring-daemon --unlock --components=secrets >/dev/null"));
        script.addAll(lines);
        Path file = Files.writeString(work.resolve("keyring-session.sh"), String.join("\n", script) + "\n");
        Process session = new ProcessBuilder("dbus-run-session", "--", "bash", file.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("session.log").toFile()).start();
        return session.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
