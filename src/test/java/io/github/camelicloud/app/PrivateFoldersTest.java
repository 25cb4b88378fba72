package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.app.destination.DeliveredRecord;
import io.github.camelicloud.app.destination.DeliveredState;
import io.github.camelicloud.app.destination.S3Destination;
import io.github.camelicloud.app.destination.S3Settings;
import io.github.camelicloud.sync.HeldFile;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The session's and the sync state's folders and files are their owner's alone, also when found open. */
class PrivateFoldersTest {

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(2)
            .account("open@example.com:pw:nomfa"));

    @TempDir
    Path work;

    @Test
    void aCookieFolderOpenToEveryoneIsClosedWithAWarning() throws Exception {
        Path cookies = Files.createDirectories(work.resolve("cookies"));
        Files.setPosixFilePermissions(cookies, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliRun run = CliRun.of("", "--username", "open@example.com", "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", cookies.toString(), "--auth-only");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains(cookies + " was open to other users (rwxrwxrwx)", "owner-only");
        assertThat(permissions(cookies)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(cookies)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(permissions(f)).isEqualTo("rw-------"));
        }
    }

    @Test
    void deliveredRecordsAndTheirFolderAreOwnerOnly() throws Exception {
        Path state = work.resolve("state").resolve("nested");
        S3Destination bucket = new S3Destination(new S3Settings("photos", null, Optional.empty(), "us-east-1",
                Optional.of("key"), Optional.of("secret")));
        DeliveredRecord records = DeliveredState.inDirectory(state).open("me@example.com", "PrimarySync", bucket);
        records.start();
        records.record().put(new HeldFile("asset-1:original:checksum", "2024/05/01/IMG_1.JPG", "00"));
        records.stop();

        assertThat(permissions(state)).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(permissions(f)).isEqualTo("rw-------"));
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
