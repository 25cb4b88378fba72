package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --cluster-* flags: what each needs is a usage error (exit 2) before anything connects. */
class ClusterOptionsTest {

    @TempDir
    Path folder;
    private Path keyFile;

    @org.junit.jupiter.api.BeforeEach
    void key() throws Exception {
        keyFile = Files.writeString(folder.resolve("cluster.key"), "q4yUV2tHy0tIrb7+qC2qR2kqsRM6sP5PB8JYbn1jWcY=\n");
    }

    @Test
    void aNodeNeedsTheKeyThatSealsTheSharedSessions() throws Exception {
        String[] node = {"-u", "a@example.com", "--s3-bucket", "b", "--watch-with-interval", "60",
            "--cluster-zookeeper", "127.0.0.1:2181", "--state-jdbc-url", "jdbc:postgresql://127.0.0.1:1/x"};
        CliRun noKey = CliRun.of("", node);
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.errors()).contains("set --cluster-key-file").contains("openssl rand -base64 32");

        Path shortKey = Files.writeString(folder.resolve("short.key"), "c2hvcnQ=\n");
        CliRun badKey = CliRun.of("", concat(node, "--cluster-key-file", shortKey.toString()));
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.errors()).contains("does not hold a 256-bit key").doesNotContain("c2hvcnQ");

        CliRun noFile = CliRun.of("", concat(node, "--cluster-key-file", folder.resolve("absent.key").toString()));
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.errors()).contains("cannot read the cluster key file");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

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
                "--cluster-key-file", keyFile.toString(), "--cluster-node-id", "no spaces");
        assertThat(badNode.exitCode()).isEqualTo(2);
        assertThat(badNode.errors()).contains("icloud.cluster.node-id must be");

        CliRun alone = CliRun.of("", "-u", "a@example.com", "-d", "x", "--cluster-node-id", "n1");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.errors()).contains("need --cluster-zookeeper");
    }
}
