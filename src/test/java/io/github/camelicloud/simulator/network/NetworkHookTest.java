package io.github.camelicloud.simulator.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.simulator.ICloudSimulator;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The model sits in the simulator's HTTP layer: a download in plain-HTTP and in Apple-host (HTTPS) mode crosses it
 * (requests, bytes, connections counted; the test hooks are not), and {@code --network}'s profile is served.
 */
class NetworkHookTest {

    private static final String USER = "net@example.com";
    private static final NetworkProfile FAST = NetworkProfile.parse("custom:latency-ms=1,per-connection=50M,link=200M");

    @Test
    void aPlainHttpDownloadCrossesTheModel() throws Exception {
        try (ICloudSimulator simulator = start(false)) {
            fetchFirstFile(simulator, new OkHttpClient(), simulator.baseUrl());
        }
    }

    @Test
    void anAppleHostDownloadCrossesTheModelToo() throws Exception {
        try (ICloudSimulator simulator = start(true)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(simulator.caPem().orElseThrow().getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), new SecureRandom());
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            OkHttpClient http = new OkHttpClient.Builder()
                    .sslSocketFactory(tls.getSocketFactory(), (X509TrustManager) tmf.getTrustManagers()[0])
                    .dns(host -> List.of(loopback)).build();
            fetchFirstFile(simulator, http, simulator.baseUrl());
        }
    }

    private static ICloudSimulator start(boolean appleHosts) {
        return ICloudSimulator.builder().srpIterations(100).assets(2).videoSize(50_000).appleHosts(appleHosts)
                .account(USER + ":pw:nomfa").network(FAST).build().start();
    }

    private static void fetchFirstFile(ICloudSimulator simulator, OkHttpClient http, String hooks) throws Exception {
        String line;
        try (Response list = http.newCall(new Request.Builder()
                .url(hooks + "/_simulator/download-urls?account=" + USER).build()).execute()) {
            line = list.body().string().lines().findFirst().orElseThrow();
        }
        String url = line.split(" ")[0].replace("://setup.icloud.com", "://cvws.icloud-content.com");
        long size = Long.parseLong(line.split(" ")[1]);
        assertThat(simulator.network().requests()).as("hooks are not counted").isZero();

        try (Response download = http.newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(download.code()).isEqualTo(200);
            assertThat(download.body().bytes()).hasSize((int) size);
        }
        NetworkModel network = simulator.network();
        assertThat(network.profile()).isEqualTo(FAST);
        assertThat(network.requests()).isEqualTo(1);
        assertThat(network.bytes()).isEqualTo(size);
        assertThat(network.connectionsOpened()).isEqualTo(1);

        try (Response counts = http.newCall(new Request.Builder().url(hooks + "/_simulator/network").build())
                .execute()) {
            assertThat(counts.body().string()).contains("\"profile\" : \"custom\"", "\"bytes\" : " + size,
                    "\"latencyMs\" : 1");
        }
    }
}
