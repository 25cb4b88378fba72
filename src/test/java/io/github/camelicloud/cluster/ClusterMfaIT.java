package io.github.camelicloud.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.JarProcess;
import io.github.camelicloud.testing.ManifestAssert;
import io.github.camelicloud.testing.ManifestFiles;
import io.github.camelicloud.testing.PostgresExtension;
import io.github.camelicloud.testing.SimulatorExtension;
import io.github.camelicloud.testing.ZooKeeperExtension;
import io.github.camelicloud.destinations.StoredFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared sign-in of cluster mode as the shipped jar runs it: two CLI nodes (ZooKeeper, PostgreSQL, the sealed
 * session) for an account that needs a verification code. The code is typed on the web page of the node that does
 * NOT lead the account; the leader signs in with it and syncs. Then the leader leaves, and the other node takes the
 * account over from the sealed session: it syncs without asking for a code. The code and the session's secrets
 * appear in no log, and the database holds them only sealed.
 */
class ClusterMfaIT {

    private static final String USER = "cluster-mfa@example.com";
    private static final String PASSWORD = "cluster-Secret-4";
    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();
    private static final Duration LIMIT = Duration.ofSeconds(120); // two JVMs on a loaded machine

    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(3).seed(57)
            .account(USER + ":" + PASSWORD + ":mfa"));
    @RegisterExtension
    static final ZooKeeperExtension zookeeper = new ZooKeeperExtension();
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path work;

    @Test
    void aCodeTypedOnTheOtherNodesPageSignsTheLeaderInAndItsSuccessorResumesWithoutACode() throws Exception {
        Path key = Files.writeString(work.resolve("cluster.key"), ClusterNodes.KEY + "\n");
        List<JarProcess.Running> nodes = new ArrayList<>();
        try {
            int page1 = JarProcess.freePort();
            int page2 = JarProcess.freePort();
            nodes.add(node("node-1", page1, key).start());
            awaitOwner("node-1", nodes.get(0));
            nodes.add(node("node-2", page2, key).start());
            JarProcess.Running other = nodes.get(1);
            String page = "http://127.0.0.1:" + page2 + "/";
            other.await("the code form on node-2's page", LIMIT, () -> body(page).contains("id=\"code\""));

            Request code = new Request.Builder().url(page + "code").header("Origin", "http://127.0.0.1:" + page2)
                    .post(new FormBody.Builder().add("code", apple.get().mfaCode()).build()).build();
            try (Response posted = HTTP.newCall(code).execute()) {
                assertThat(posted.code()).isEqualTo(303);
            }
            Path photos1 = work.resolve("photos-node-1");
            nodes.get(0).await("the library in node-1's folder", LIMIT, () -> complete(photos1));
            ManifestAssert.holdsTheLibrary("node-1", StoredFile.under(photos1), apple.get().manifest(USER));
            assertThat(sealedSessions()).isEqualTo(1);

            nodes.get(0).close(); // the leader leaves (SIGTERM): node-2 takes the account from the sealed session
            Path photos2 = work.resolve("photos-node-2");
            other.await("the library in node-2's folder", LIMIT, () -> complete(photos2));
            ManifestAssert.holdsTheLibrary("node-2", StoredFile.under(photos2), apple.get().manifest(USER));
            assertThat(other.output()).contains("Node node-2 leads shard")
                    .doesNotContain("Waiting for the verification code of " + USER);
            for (JarProcess.Running node : nodes) {
                assertThat(node.output()).doesNotContain(apple.get().mfaCode()).doesNotContain(PASSWORD)
                        .doesNotContain("\tat ");
            }
        } finally {
            for (JarProcess.Running node : nodes) {
                node.close();
            }
        }
    }

    private JarProcess node(String id, int webPort, Path key) {
        return JarProcess.jar(work, "--username", USER, "--password", PASSWORD, "--domain", apple.get().baseUrl(),
                "--cookie-directory", work.resolve("cookies-" + id).toString(), "-d",
                work.resolve("photos-" + id).toString(), "--no-progress-bar", "--watch-with-interval", "3",
                "--cluster-zookeeper", zookeeper.connectString(), "--state-jdbc-url", postgres.jdbcUrl(),
                "--cluster-key-file", key.toString(), "--cluster-node-id", id, "--cluster-shards", "4",
                "--cluster-session-timeout", "8", "--mfa-provider", "webui", "--webui-port",
                String.valueOf(webPort)).jvm("-Xmx160m").jvm("-XX:+UseSerialGC").jvm("-XX:TieredStopAtLevel=1");
    }

    private boolean complete(Path photos) {
        try {
            // every file under its final name and none still being written (a pass may still be renaming)
            return Files.isDirectory(photos) && StoredFile.partFiles(photos) == 0 && ManifestFiles.files(photos).size()
                    == ManifestAssert.contents(apple.get().manifest(USER)).size();
        } catch (Exception e) {
            return false;
        }
    }

    /** Waits until the database names {@code id} as the account's shard's leader. */
    private void awaitOwner(String id, JarProcess.Running node) throws InterruptedException {
        node.await(id + " leading the account", LIMIT, () -> {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
                    var s = c.prepareStatement("SELECT owner FROM shard_owner WHERE shard = ?")) {
                s.setInt(1, new Shards(4).of(USER));
                try (var r = s.executeQuery()) {
                    return r.next() && r.getString(1).equals(id);
                }
            } catch (SQLException notYet) {
                return false;
            }
        });
    }

    private int sealedSessions() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl());
                var r = c.createStatement().executeQuery("SELECT count(*) FROM account_session WHERE"
                        + " position(convert_to('trust', 'UTF8') in sealed) = 0")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String body(String url) {
        try (Response response = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.body().string();
        } catch (java.io.IOException notYet) {
            return "";
        }
    }
}
