package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.component.ICloudEndpoint;
import io.github.camelicloud.component.ICloudPassListener;
import io.github.camelicloud.destinations.S3TestServer;
import io.github.camelicloud.destinations.SftpTestServer;
import io.github.camelicloud.destinations.StoredFile;
import io.github.camelicloud.simulator.ICloudSimulator;
import io.github.camelicloud.testing.S3Extension;
import io.github.camelicloud.testing.SftpExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.main.Main;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled routes with every destination turned on by settings alone: camel-main with the top-level
 * application.properties and routes/*.camel.yaml, pointed at the simulator, S3Proxy and an SFTP server on
 * 127.0.0.1, the delivered-state in an H2 database. After two passes every file is in the folder, the
 * bucket and on the server with the manifest's size and SHA-256 under the same relative path, and the
 * second pass sent nothing anywhere.
 */
class BundledDestinationsTest {

    private static final String USER = "bundled@example.com";

    @RegisterExtension
    static final S3Extension s3Server = new S3Extension();
    @RegisterExtension
    static final SftpExtension sftpServer = new SftpExtension();

    @TempDir
    Path work;

    @Test
    void folderS3AndSftpTurnedOnBySettingsEachGetEveryFileOnceAndTheSecondPassSendsNothing() throws Exception {
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(12).seed(12)
                .videoSize(300_000).account(USER + ":pw:nomfa").build().start()) {
            S3TestServer s3 = s3Server.get();
            SftpTestServer sftp = sftpServer.get();
            List<String> expected = DestinationSyncTest.expectedContent(apple.manifest(USER));
            s3.createBucket("bundled");
            Path folder = work.resolve("photos");
            String database = "jdbc:h2:file:" + work.resolve("state-db");
            Main main = main(apple, folder);
            main.addOverrideProperty("icloud.watch-interval-ms", "200"); // the second pass right after the first
            main.addOverrideProperty("destinations.s3.enabled", "true");
            main.addOverrideProperty("destinations.s3.bucket", "bundled");
            main.addOverrideProperty("destinations.s3.prefix", "icloud/");
            main.addOverrideProperty("destinations.s3.endpoint", s3.endpoint());
            main.addOverrideProperty("destinations.s3.access-key", S3TestServer.ACCESS_KEY);
            main.addOverrideProperty("destinations.s3.secret-key", S3TestServer.SECRET_KEY);
            main.addOverrideProperty("destinations.sftp.enabled", "true");
            main.addOverrideProperty("destinations.sftp.host", "127.0.0.1");
            main.addOverrideProperty("destinations.sftp.port", String.valueOf(sftp.port()));
            main.addOverrideProperty("destinations.sftp.user", SftpTestServer.USER);
            main.addOverrideProperty("destinations.sftp.password", SftpTestServer.PASSWORD);
            main.addOverrideProperty("destinations.sftp.path", "bundled");
            main.addOverrideProperty("destinations.sftp.known-hosts", sftp.knownHosts(work.resolve("known_hosts"))
                    .toString());
            main.addOverrideProperty("icloud.state.jdbc-url", database);
            Passes passes = new Passes();
            main.bind("passes", passes);
            main.start();
            try {
                passes.awaitTwoEach(List.of("icloud-to-file", "icloud-to-s3", "icloud-to-sftp"));
            } finally {
                main.stop();
            }
            assertThat(passes.failures).isEmpty();

            List<StoredFile> local = StoredFile.under(folder);
            assertThat(local).extracting(StoredFile::content).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(s3.objects("bundled")).extracting(o -> o.key().substring("icloud/".length()),
                    StoredFile::size, StoredFile::sha256).containsExactlyInAnyOrderElementsOf(local.stream()
                            .map(f -> org.assertj.core.groups.Tuple.tuple(f.key(), f.size(), f.sha256())).toList());
            assertThat(sftp.files("bundled")).containsExactlyInAnyOrderElementsOf(local);
            // one exchange per file and route over both passes: the second pass sent nothing
            assertThat(passes.exchanges).containsOnlyKeys("icloud-to-file", "icloud-to-s3", "icloud-to-sftp")
                    .allSatisfy((route, count) -> assertThat(count).as(route).hasValue(expected.size()));
            // the records are in the database: one per file and remote destination
            try (Connection db = DriverManager.getConnection(database); ResultSet rows = db.createStatement()
                    .executeQuery("SELECT COUNT(*) FROM CAMEL_ICLOUD_HELD")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2 * expected.size());
            }
        }
    }

    @Test
    void aBucketThatCannotBeReachedFailsItsOwnPassWhileTheFolderIsFilled() throws Exception {
        int closedPort = io.github.camelicloud.testing.FreePort.pick();
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(3).seed(13)
                .account(USER + ":pw:nomfa").build().start()) {
            Path folder = work.resolve("photos");
            Main main = main(apple, folder);
            main.addOverrideProperty("icloud.skip-live-photos", "true");
            main.addOverrideProperty("destinations.s3.enabled", "true");
            main.addOverrideProperty("destinations.s3.bucket", "unreachable");
            main.addOverrideProperty("destinations.s3.endpoint", "http://127.0.0.1:" + closedPort);
            main.addOverrideProperty("destinations.s3.access-key", S3TestServer.ACCESS_KEY);
            main.addOverrideProperty("destinations.s3.secret-key", S3TestServer.SECRET_KEY);
            Passes passes = new Passes();
            main.bind("passes", passes);
            main.start();
            try {
                passes.awaitOneEach(List.of("icloud-to-file", "icloud-to-s3"));
            } finally {
                main.stop();
            }
            assertThat(StoredFile.under(folder)).hasSize(3);
            assertThat(passes.failures).isNotEmpty().allSatisfy(f -> assertThat(f).startsWith("icloud-to-s3: ")
                    .contains("S3 s3://unreachable/ at http://127.0.0.1:" + closedPort + ": cannot reach the S3"
                            + " endpoint"));
        }
    }

    @Test
    void anEnabledDestinationWithoutItsSettingsStopsTheStartWithTheSettingToFix() throws Exception {
        try (ICloudSimulator apple = ICloudSimulator.builder().srpIterations(1000).assets(1)
                .account(USER + ":pw:nomfa").build().start()) {
            Main main = main(apple, work.resolve("photos"));
            main.addOverrideProperty("destinations.folder.enabled", "false");
            main.addOverrideProperty("destinations.s3.enabled", "true");
            try {
                assertThatThrownBy(main::start).hasStackTraceContaining("Route icloud-to-s3: --s3-bucket must name a"
                        + " bucket (check destinations.s3.* in application.properties)");
            } finally {
                main.stop();
            }
        }
    }

    private Main main(ICloudSimulator apple, Path folder) {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:application.properties");
        main.addOverrideProperty("icloud.username", USER);
        main.addOverrideProperty("icloud.password", "pw");
        main.addOverrideProperty("icloud.domain", apple.baseUrl());
        main.addOverrideProperty("icloud.cookie-directory", work.resolve("cookies").toString());
        main.addOverrideProperty("icloud.state.directory", work.resolve("state").toString());
        main.addOverrideProperty("file.directory", folder.toString());
        return main;
    }

    /** Counts, per route, the passes that ended and the exchanges routed; keeps the failures. */
    private static final class Passes implements RoutePolicyFactory {
        final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> exchanges = new ConcurrentHashMap<>();
        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public org.apache.camel.spi.RoutePolicy createRoutePolicy(org.apache.camel.CamelContext camel, String routeId,
                org.apache.camel.NamedNode route) {
            return new RoutePolicySupport() {
                @Override
                public void onInit(Route r) {
                    if (!(r.getEndpoint() instanceof ICloudEndpoint icloud)) {
                        return; // the bundled MFA alert mail route
                    }
                    icloud.addPassListener(new ICloudPassListener() {
                        @Override
                        public void passCompleted(io.github.camelicloud.component.PassResult result) {
                            completed.computeIfAbsent(routeId, k -> new AtomicInteger()).incrementAndGet();
                        }

                        @Override
                        public void passFailed(Exception error) {
                            failures.add(routeId + ": " + error.getMessage());
                        }
                    });
                }

                @Override
                public void onExchangeDone(Route r, Exchange exchange) {
                    exchanges.computeIfAbsent(routeId, k -> new AtomicInteger()).incrementAndGet();
                    if (exchange.isFailed()) {
                        failures.add(routeId + ": " + exchange.getException());
                    }
                }
            };
        }

        void awaitTwoEach(List<String> routes) throws InterruptedException {
            await(routes, 2, true);
        }

        void awaitOneEach(List<String> routes) throws InterruptedException {
            await(routes, 1, false);
        }

        private void await(List<String> routes, int passes, boolean stopOnFailure) throws InterruptedException {
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (System.nanoTime() < deadline && (!stopOnFailure || failures.isEmpty()) && !routes.stream()
                    .allMatch(r -> completed.getOrDefault(r, new AtomicInteger()).get() >= passes)) {
                Thread.sleep(50);
            }
            if (stopOnFailure) {
                assertThat(failures).isEmpty();
            }
            assertThat(routes).allSatisfy(r -> assertThat(completed.getOrDefault(r, new AtomicInteger()).get()).as(r)
                    .isGreaterThanOrEqualTo(passes));
        }
    }
}
