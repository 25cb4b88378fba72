package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.camelicloud.testing.KeyringSession;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyring end to end through a real gnome-keyring in a private D-Bus session (dbus-run-session, its own
 * HOME): {@code icloud --username} stores the password where icloudpd would (checked with secret-tool), a sync
 * against the simulator signs in with no password given, {@code --delete-from-keyring} removes it, a
 * {@code --password} that worked is saved, and an entry made by Python's keyring library (icloudpd's) is used.
 * The steps run in one JVM ({@link KeyringSteps}) inside the session.
 */
class KeyringRoundTripTest {

    private static final String USER = "keyring@example.com";
    private static final String PASSWORD = "kr-Secret-42";
    private static final String SERVICE = "pyicloud://icloud-password";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(3).seed(5)
            .account(USER + ":" + PASSWORD + ":nomfa"));

    @TempDir
    static Path work;

    @Test
    void icloudStoresThePasswordTheSyncUsesItAndDeleteRemovesIt() throws Exception {
        assumeTrue(KeyringSession.installed(), KeyringSession.MISSING);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3"))
                && new ProcessBuilder("/usr/bin/python3", "-c", "import keyring").start().waitFor() == 0,
                "Python's keyring module is not installed (apt-get install python3-keyring): the icloudpd interop"
                        + " step needs it; keyring test skipped");

        List<String> steps = new ArrayList<>();
        steps.add(step("store", "cli", PASSWORD + "\\ny\\n", "icloud --username " + USER));
        steps.add(step("lookup1", "sh", "", lookup()));
        steps.add(step("sync1", "cli", "", sync("c1", "d1")));
        steps.add(step("delete", "cli", "", "icloud --username " + USER + " --delete-from-keyring"));
        steps.add(step("lookup2", "sh", "", lookup()));
        steps.add(step("nopassword", "cli", "", sync("c2", "d2")));
        steps.add(step("withparameter", "cli", "", sync("c3", "d3") + " --password " + PASSWORD));
        steps.add(step("lookup3", "sh", "", lookup()));
        // the entry icloudpd itself makes, through Python's keyring library
        steps.add(step("python", "sh", "", "/usr/bin/python3 -c \"import keyring; keyring.delete_password('"
                + SERVICE + "', '" + USER + "'); keyring.set_password('" + SERVICE + "', '" + USER + "', '"
                + PASSWORD + "')\""));
        steps.add(step("sync4", "cli", "", sync("c4", "d4")));
        Path stepsFile = work.resolve("steps.tsv");
        Files.writeString(stepsFile, String.join("\n", steps) + "\n");
        assertThat(KeyringSession.run(work, List.of(Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' " + KeyringSteps.class.getName() + " " + stepsFile
                + " </dev/null"), Duration.ofMinutes(5))).as("the keyring session finished").isTrue();

        assertThat(rc("store")).as(out("store")).isZero();
        assertThat(out("store")).contains("saved in the keyring").doesNotContain(PASSWORD);
        assertThat(out("lookup1").strip()).as("stored under icloudpd's service and user name").isEqualTo(PASSWORD);

        assertThat(rc("sync1")).as(out("sync1")).isZero();
        assertThat(files("d1")).isNotEmpty();
        assertThat(out("sync1")).doesNotContain(PASSWORD);

        assertThat(rc("delete")).as(out("delete")).isZero();
        assertThat(out("delete")).contains("deleted from the keyring");
        assertThat(out("lookup2")).isBlank();

        assertThat(rc("nopassword")).as("nothing left to sign in with").isEqualTo(1);
        assertThat(out("nopassword")).contains("A password is needed");

        assertThat(rc("withparameter")).as(out("withparameter")).isZero();
        assertThat(out("withparameter")).contains("saved in the system keyring");
        assertThat(out("lookup3").strip()).as("a password that worked is kept").isEqualTo(PASSWORD);

        assertThat(rc("python")).as(out("python")).isZero();
        assertThat(rc("sync4")).as(out("sync4")).isZero();
        assertThat(files("d4")).isNotEmpty();
    }

    private String sync(String cookies, String directory) {
        return "--username " + USER + " --domain " + apple.get().baseUrl() + " --cookie-directory " + work.resolve(cookies)
                + " -d " + work.resolve(directory) + " --no-progress-bar";
    }

    private static String lookup() {
        return "secret-tool lookup service " + SERVICE + " username " + USER;
    }

    private static String step(String name, String kind, String stdin, String command) {
        return name + "\t" + kind + "\t" + stdin + "\t" + command;
    }

    private static int rc(String step) throws IOException {
        return Integer.parseInt(Files.readString(work.resolve(step + ".rc")).strip());
    }

    private static String out(String step) throws IOException {
        return Files.readString(work.resolve(step + ".out"));
    }

    private static List<Path> files(String directory) throws IOException {
        try (Stream<Path> all = Files.walk(work.resolve(directory))) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
