package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar with {@code --list-shared-albums}: the Shared Albums of a plain simulator account (one owned,
 * one subscribed to), read from the sharedstreams service the simulator serves.
 */
class SharedAlbumsIT {

    private static final String USER = "jar-shared@example.com";

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(0).seed(29)
            .account(USER + ":pw:nomfa"));

    @TempDir
    static Path work;

    @Test
    void listsTheOwnedAndTheSubscribedSharedAlbums() throws Exception {
        apple.get().resetRequestCounts();
        JarProcess.Result run = JarProcess.jar(work, "--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(),
                "--list-shared-albums").run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Shared Albums:", "Family Moments (owned)",
                "Ski Trip (subscribed, shared by Kim Doe)");
        assertThat(apple.get().requestCounts()).anySatisfy((path, count) ->
                assertThat(path).endsWith("/sharedstreams/webgetalbumslist"));
    }
}
