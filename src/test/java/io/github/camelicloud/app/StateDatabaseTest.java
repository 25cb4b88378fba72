package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SimulatorExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * --state-jdbc-url: the destinations' records in a database (an embedded H2 here) instead of the state
 * directory, so machines that share the database share what was sent.
 */
class StateDatabaseTest {

    private static final String USER = "db@example.com";
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(10).seed(31).videoSize(200_000)
            .account(USER + ":pw:nomfa"));
    @RegisterExtension
    static final S3Extension s3 = new S3Extension();

    @TempDir
    static Path work;

    @Test
    void aSecondMachineWithTheSameDatabaseSendsNothingAgain() throws Exception {
        List<String> expected = DestinationSyncTest.expectedContent(apple.get().manifest(USER));
        s3.get().createBucket("shared");
        String database = "jdbc:h2:file:" + work.resolve("delivered");
        CliRun first = run("machine-1", "--state-jdbc-url", database);
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(s3.get().objects("shared")).extracting(StoredFile::content).containsExactlyInAnyOrderElementsOf(expected);
        try (Connection db = DriverManager.getConnection(database); ResultSet rows = db.createStatement()
                .executeQuery("SELECT processorName, COUNT(*) FROM CAMEL_ICLOUD_HELD GROUP BY processorName")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).startsWith("s3-");
            assertThat(rows.getInt(2)).isEqualTo(expected.size());
            assertThat(rows.next()).isFalse();
        }

        // another state directory, the same database: nothing is looked up in the bucket, nothing sent
        CliRun second = run("machine-2", "--state-jdbc-url", database);
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("s3://shared/ at " + s3.get().endpoint() + ": 0 delivered, " + expected.size()
                + " already there, 0 skipped, 0 failed").doesNotContain("Uploaded ");

        // without the database, that state directory knows nothing: the bucket answers "already there"
        CliRun files = run("machine-2");
        assertThat(files.exitCode()).as(files.output()).isZero();
        assertThat(files.output()).contains(": 0 delivered, " + expected.size() + " already there");
    }

    @Test
    void aUrlWithoutADriverIsNamedWithoutItsPassword() {
        CliRun run = run("bad", "--state-jdbc-url", "jdbc:nosuchdb://db.example/photos?user=u&password=hunter2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors()).contains("no JDBC driver for jdbc:nosuchdb://db.example/photos?user=u&password=***"
                + " on the class path").doesNotContain("hunter2");

        CliRun notJdbc = run("bad", "--state-jdbc-url", "postgres://db/photos");
        assertThat(notJdbc.exitCode()).isEqualTo(2);
        assertThat(notJdbc.errors()).contains("must be a JDBC URL such as jdbc:postgresql://db:5432/photos");
    }

    private static CliRun run(String state, String... flags) {
        List<String> args = new ArrayList<>(List.of("--username", USER, "--password", "pw", "--domain",
                apple.get().baseUrl(), "--cookie-directory", work.resolve("cookies").toString(), "--state-directory",
                work.resolve("state-" + state).toString(), "--s3-bucket", "shared", "--s3-endpoint", s3.get().endpoint(),
                "--s3-access-key", S3TestServer.ACCESS_KEY, "--s3-secret-key", S3TestServer.SECRET_KEY));
        args.addAll(List.of(flags));
        return CliRun.of("", args.toArray(String[]::new));
    }
}
