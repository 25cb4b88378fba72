package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.app.destination.Destination;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The destination flags become destinations with names that show no secret, and bad values say why. */
class DestinationOptionsTest {

    private static List<Destination> parse(String... args) {
        SyncCommand command = new SyncCommand(new BufferedReader(new StringReader("")),
                new PrintStream(java.io.OutputStream.nullOutputStream()), false);
        new CommandLine(command).parseArgs(args);
        return command.destinationOptions.destinations();
    }

    @Test
    void flagsMapToNamedDestinations() {
        assertThat(parse("--s3-bucket", "b", "--s3-prefix", "/p", "--s3-access-key", "a", "--s3-secret-key",
                "hidden", "--sftp-uri", "sftp://bob@nas:2222/photos/", "--sftp-password", "pw"))
                .extracting(Destination::name)
                .containsExactly("S3 s3://b/p/", "SFTP sftp://bob@nas:2222/photos")
                .noneMatch(n -> n.contains("hidden") || n.contains("pw"));
        assertThat(parse("--sftp-host", "h", "--sftp-user", "u", "--sftp-path", "/srv/x", "--sftp-password", "pw"))
                .extracting(Destination::name).containsExactly("SFTP sftp://u@h:22//srv/x");
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
