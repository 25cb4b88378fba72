package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.KeyringSession;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.SimulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's {@code icloud} keyring command against a real gnome-keyring in a private D-Bus session (as
 * KeyringRoundTripTest sets it up): it stores the password under icloudpd's entry, a sync of the jar signs in
 * with it and no password given and downloads the library, and {@code --delete-from-keyring} removes it.
 */
class JarKeyringIT {

    private static final String USER = "keyring-jar@example.com";
    private static final String PASSWORD = "kr-Jar-Secret-9";

    @RegisterExtension
    static final SimulatorExtension simulator = SimulatorExtension.of(b -> b.assets(3).seed(41)
            .account(USER + ":" + PASSWORD + ":nomfa"));

    @TempDir
    Path work;

    @Test
    void icloudStoresThePasswordTheSyncUsesItAndDeleteRemovesIt() throws Exception {
        assumeTrue(KeyringSession.installed(), KeyringSession.MISSING);
        ICloudSimulator apple = simulator.get();
        Path photos = work.resolve("photos");
        String lookup = "secret-tool lookup service pyicloud://icloud-password username " + USER;
        Files.writeString(work.resolve("store.in"), PASSWORD + "\ny\n");
        assertThat(KeyringSession.run(work, List.of(
                step("store", JarProcess.jar(work, "icloud", "--username", USER).shellCommand(), "store.in"),
                step("lookup1", lookup, "/dev/null"),
                step("sync", JarProcess.jar(work, "--username", USER, "--domain", apple.baseUrl(),
                        "--cookie-directory", work.resolve("cookies").toString(), "-d", photos.toString(),
                        "--no-progress-bar").shellCommand(), "/dev/null"),
                step("delete", JarProcess.jar(work, "icloud", "--username", USER, "--delete-from-keyring")
                        .shellCommand(), "/dev/null"),
                step("lookup2", lookup, "/dev/null")), Duration.ofMinutes(3))).as("the keyring session finished")
                .isTrue();

        assertThat(rc("store")).as(out("store")).isZero();
        assertThat(out("store")).contains("saved in the keyring").doesNotContain(PASSWORD);
        assertThat(out("lookup1").strip()).as("stored under icloudpd's service and user name").isEqualTo(PASSWORD);
        assertThat(rc("sync")).as(out("sync")).isZero();
        assertThat(out("sync")).doesNotContain(PASSWORD);
        ManifestAssert.holdsTheLibrary("folder", StoredFile.under(photos), apple.manifest(USER));
        assertThat(rc("delete")).as(out("delete")).isZero();
        assertThat(out("delete")).contains("deleted from the keyring");
        assertThat(out("lookup2")).isBlank();
    }

    private static String step(String name, String command, String stdin) {
        return command + " <" + stdin + " >" + name + ".out 2>&1; echo $? >" + name + ".rc";
    }

    private int rc(String step) throws IOException {
        return Integer.parseInt(Files.readString(work.resolve(step + ".rc")).strip());
    }

    private String out(String step) throws IOException {
        return Files.readString(work.resolve(step + ".out"));
    }
}
