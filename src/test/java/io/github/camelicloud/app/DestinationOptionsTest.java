package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The destination flags become the bundled routes' settings (as in application.properties), and bad values say why. */
class DestinationOptionsTest {

    private static Map<String, String> parse(String... args) {
        SyncCommand command = new SyncCommand(new BufferedReader(new StringReader("")),
                new PrintStream(java.io.OutputStream.nullOutputStream()), false);
        new CommandLine(command).parseArgs(args);
        return command.destinationOptions.routeProperties();
    }

    @Test
    void flagsBecomeTheBundledRoutesSettings() {
        assertThat(parse("--s3-bucket", "b", "--s3-prefix", "/p", "--s3-access-key", "a", "--s3-secret-key",
                "hidden", "--sftp-uri", "sftp://bob@nas:2222/photos/", "--sftp-password", "pw"))
                .containsEntry("destinations.s3.enabled", "true").containsEntry("destinations.s3.bucket", "b")
                .containsEntry("destinations.s3.prefix", "p/").containsEntry("destinations.s3.access-key", "a")
                .containsEntry("destinations.s3.secret-key", "hidden")
                .containsEntry("destinations.sftp.enabled", "true").containsEntry("destinations.sftp.host", "nas")
                .containsEntry("destinations.sftp.port", "2222").containsEntry("destinations.sftp.user", "bob")
                .containsEntry("destinations.sftp.path", "photos").containsEntry("destinations.sftp.password", "pw")
                .containsEntry("destinations.sftp.strict-host-key-checking", "yes");
        assertThat(parse("--sftp-host", "h", "--sftp-user", "u", "--sftp-path", "/srv/x", "--sftp-password", "pw"))
                .containsEntry("destinations.sftp.host", "h").containsEntry("destinations.sftp.port", "22")
                .containsEntry("destinations.sftp.path", "/srv/x").doesNotContainKey("destinations.s3.enabled");
        assertThat(parse()).isEmpty();
    }

    @Test
    void badValuesAreExplained() {
        assertThatThrownBy(() -> parse("--sftp-uri", "sftp://bob:pw@nas/x"))
                .hasMessageContaining("must not carry a password");
        assertThatThrownBy(() -> parse("--sftp-uri", "sftp://bob@nas/x", "--sftp-password", "pw",
                "--sftp-strict-host-key-checking", "maybe")).hasMessageContaining("yes or no");
        assertThatThrownBy(() -> parse("--s3-prefix", "p")).hasMessageContaining("need --s3-bucket");
        assertThatThrownBy(() -> parse("--sftp-uri", "ftp://bob@nas/x")).hasMessageContaining("sftp://");
    }
}
