package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The --cluster-* flags: what each needs is a usage error (exit 2) before anything connects. */
class ClusterOptionsTest {

    @Test
    void aNodeNeedsTheSharedDatabaseAndWatchMode() {
        CliRun noDatabase = CliRun.of("", "-u", "a@example.com", "--s3-bucket", "b", "--watch-with-interval", "60",
                "--cluster-zookeeper", "127.0.0.1:2181");
        assertThat(noDatabase.exitCode()).isEqualTo(2);
        assertThat(noDatabase.errors()).contains("--cluster-zookeeper needs --state-jdbc-url");

        CliRun once = CliRun.of("", "-u", "a@example.com", "--s3-bucket", "b", "--cluster-zookeeper",
                "127.0.0.1:2181", "--state-jdbc-url", "jdbc:postgresql://127.0.0.1:1/x");
        assertThat(once.exitCode()).isEqualTo(2);
        assertThat(once.errors()).contains("needs --watch-with-interval");

        CliRun badNode = CliRun.of("", "-u", "a@example.com", "--s3-bucket", "b", "--watch-with-interval", "60",
                "--cluster-zookeeper", "127.0.0.1:2181", "--state-jdbc-url", "jdbc:postgresql://127.0.0.1:1/x",
                "--cluster-node-id", "no spaces");
        assertThat(badNode.exitCode()).isEqualTo(2);
        assertThat(badNode.errors()).contains("icloud.cluster.node-id must be");

        CliRun alone = CliRun.of("", "-u", "a@example.com", "-d", "x", "--cluster-node-id", "n1");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.errors()).contains("need --cluster-zookeeper");
    }
}
