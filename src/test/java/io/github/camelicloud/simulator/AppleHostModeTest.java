package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.hosts.AppleHosts;
import io.github.camelicloud.simulator.hosts.HostFilter;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.srp.Srp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apple-host mode end to end, over real TLS: a client that resolves Apple's host names to the simulator and trusts
 * only its CA signs in, follows webservices and downloadURL to the CloudKit and content hosts, and carries cookies
 * between hosts by their Domain, as it would at Apple.
 */
class AppleHostModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "plain@example.com";
    private static final String PASSWORD = "pw";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    @TempDir
    Path dir;

    private ICloudSimulator simulator;
    private OkHttpClient http;
    private final List<Cookie> jar = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path caFile = dir.resolve("ca.pem");
        simulator = ICloudSimulator.builder().appleHosts(true).caOut(caFile).srpIterations(100).assets(12)
                .account(USER + ":" + PASSWORD + ":nomfa").build().start();
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(caFile)));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("simulator", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), new SecureRandom());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        http = new OkHttpClient.Builder().sslSocketFactory(tls.getSocketFactory(),
                        (X509TrustManager) tmf.getTrustManagers()[0])
                .dns(host -> {
                    assertThat(AppleHosts.names()).as("only Apple's hosts are asked for").contains(host);
                    return List.of(loopback);
                })
                .cookieJar(new CookieJar() {
                    @Override
                    public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
                        synchronized (jar) {
                            cookies.forEach(c -> jar.removeIf(old -> old.name().equals(c.name())));
                            jar.addAll(cookies);
                        }
                    }

                    @Override
                    public List<Cookie> loadForRequest(HttpUrl url) {
                        synchronized (jar) {
                            return jar.stream().filter(c -> c.matches(url)).toList();
                        }
                    }
                }).build();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void caAndCertificateNameEveryHost() {
        assertThat(simulator.appleHosts()).isTrue();
        assertThat(simulator.caPem()).hasValueSatisfying(pem -> assertThat(pem).startsWith("-----BEGIN CERTIFICATE"));
        assertThat(simulator.baseUrl()).startsWith("https://setup.icloud.com");
        assertThat(AppleHosts.names()).contains("idmsa.apple.com", "setup.icloud.com", "www.icloud.com",
                "p61-ckdatabasews.icloud.com", "cvws.icloud-content.com", "idmsa.apple.com.cn",
                "setup.icloud.com.cn", "p61-ckdatabasews.icloud.com.cn", "cvws.icloud-content.com.cn");
    }

    @Test
    void signInListAndDownloadThroughApplesHostNames() throws Exception {
        String setup = "https://setup.icloud.com:" + simulator.port();
        // idmsa: SRP; a non-2FA account answers 412, repaired by repair/complete.
        String sessionToken = signIn("https://idmsa.apple.com:" + simulator.port());
        assertThat(jar).filteredOn(c -> c.name().equals("aasp")).singleElement()
                .satisfies(c -> assertThat(c.domain()).isEqualTo("apple.com"))
                .satisfies(c -> assertThat(c.secure()).isTrue());

        JsonNode account;
        try (Response login = post(setup + "/setup/ws/1/accountLogin",
                JSON.createObjectNode().put("dsWebAuthToken", sessionToken).toString())) {
            assertThat(login.code()).isEqualTo(200);
            assertThat(login.headers("Set-Cookie")).allSatisfy(c -> assertThat(c).contains(";Domain=.icloud.com")
                    .contains(";Secure"));
            account = JSON.readTree(login.body().string());
        }
        String ckRoot = account.at("/webservices/ckdatabasews/url").asText();
        assertThat(ckRoot).isEqualTo("https://p61-ckdatabasews.icloud.com:443");
        assertThat(account.at("/webservices/ckdatabasews/pcsRequired").asBoolean()).isTrue();
        assertThat(account.at("/configBag/urls/accountLogin").asText())
                .isEqualTo("https://setup.icloud.com/setup/ws/1/accountLogin");

        // requestPCS: the Photos and Sharing PCS cookies, on .icloud.com.
        try (Response pcs = post(setup + "/setup/ws/1/requestPCS", "{\"appName\":\"photos\",\"derivedFromUserAction\":true}")) {
            assertThat(pcs.code()).isEqualTo(200);
            JsonNode body = JSON.readTree(pcs.body().string());
            assertThat(body.path("status").asText()).isEqualTo("success");
            assertThat(body.path("isWebAccessAllowed").asBoolean()).isTrue();
            assertThat(pcs.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("X-APPLE-WEBAUTH-PCS-Photos="))
                    .anySatisfy(c -> assertThat(c).startsWith("X-APPLE-WEBAUTH-PCS-Sharing="));
        }

        // CloudKit on its own host (the test's port instead of 443), authenticated by the .icloud.com cookies.
        String ck = "https://p61-ckdatabasews.icloud.com:" + simulator.port()
                + "/database/1/com.apple.photos.cloud/production/private";
        try (Response zones = post(ck + "/changes/database", "{}")) {
            assertThat(zones.code()).isEqualTo(200);
            JsonNode body = JSON.readTree(zones.body().string());
            assertThat(body.at("/zones/0/zoneID/zoneName").asText()).isEqualTo("PrimarySync");
            assertThat(body.at("/zones/0/deleted").asBoolean(true)).isFalse();
            assertThat(body.path("moreComing").asBoolean(true)).isFalse();
            String token = body.path("syncToken").asText();
            try (Response again = post(ck + "/changes/database", "{\"syncToken\":\"" + token + "\"}")) {
                assertThat(JSON.readTree(again.body().string()).path("zones")).as("nothing changed").isEmpty();
            }
        }
        String downloadUrl;
        try (Response page = post(ck + "/records/query?remapEnums=True", "{\"query\":{\"recordType\":"
                + "\"CPLAssetAndMasterByAssetDateWithoutHiddenOrDeleted\",\"filterBy\":[{\"fieldName\":\"startRank\","
                + "\"comparator\":\"EQUALS\",\"fieldValue\":{\"value\":0,\"type\":\"INT64\"}},{\"fieldName\":"
                + "\"direction\",\"comparator\":\"EQUALS\",\"fieldValue\":{\"value\":\"ASCENDING\",\"type\":\"STRING\"}}]},"
                + "\"zoneID\":{\"zoneName\":\"PrimarySync\"},\"resultsLimit\":2}")) {
            assertThat(page.code()).isEqualTo(200);
            JsonNode master = JSON.readTree(page.body().string()).at("/records/0");
            downloadUrl = master.at("/fields/resOriginalRes/value/downloadURL").asText();
        }
        assertThat(downloadUrl).startsWith("https://cvws.icloud-content.com/B/");

        // The content host serves the bytes; the URL names port 443, the test server listens elsewhere.
        String local = downloadUrl.replace("https://cvws.icloud-content.com/",
                "https://cvws.icloud-content.com:" + simulator.port() + "/").replace("${f}", "%24%7Bf%7D");
        try (Response file = http.newCall(new okhttp3.Request.Builder().url(local).build()).execute()) {
            assertThat(file.code()).isEqualTo(200);
            assertThat(file.body().bytes()).isNotEmpty();
        }

        // A host serves its own part only: CloudKit paths on setup are unknown there.
        try (Response wrongHost = post(setup + "/database/1/com.apple.photos.cloud/production/private/zones/list",
                "{}")) {
            assertThat(wrongHost.code()).isEqualTo(404);
        }

        // logout ends the web session; validate then answers 421.
        try (Response logout = post(setup + "/setup/ws/1/logout", "{\"trustBrowser\":true,\"allBrowsers\":false}")) {
            assertThat(logout.code()).isEqualTo(200);
            assertThat(JSON.readTree(logout.body().string()).path("success").asBoolean()).isTrue();
        }
        try (Response validate = post(setup + "/setup/ws/1/validate", "null")) {
            assertThat(validate.code()).isEqualTo(421);
        }
    }

    @Test
    void hostFilterRoutesByHostAndRefusesUnknownHosts() {
        HostFilter filter = new HostFilter();
        assertThat(filter.intercept(request("idmsa.apple.com", "/appleauth/auth/signin/init"))).isEmpty();
        assertThat(filter.intercept(request("setup.icloud.com.cn:443", "/setup/ws/1/validate"))).isEmpty();
        assertThat(filter.intercept(request("setup.icloud.com", "/_simulator/state"))).isEmpty();
        assertThat(filter.intercept(request("cvws.icloud-content.com", "/setup/ws/1/validate")))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(404));
        assertThat(filter.intercept(request("example.com", "/setup/ws/1/validate")))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(421));
    }

    @Test
    void urlsAndCookiesFollowTheDomainTheClientCameThrough() {
        AppleHosts hosts = new AppleHosts();
        Request cn = request("setup.icloud.com.cn", "/setup/ws/1/accountLogin");
        assertThat(hosts.serviceUrl(cn, "ckdatabasews")).isEqualTo("https://p61-ckdatabasews.icloud.com.cn:443");
        assertThat(hosts.contentRoot(cn)).isEqualTo("https://cvws.icloud-content.com.cn");
        assertThat(hosts.cookieScope(cn).domain()).isEqualTo(".icloud.com.cn");
        assertThat(hosts.cookieScope(request("idmsa.apple.com", "/appleauth/auth")).domain()).isEqualTo(".apple.com");
        assertThat(hosts.cookieScope(cn).secure()).isTrue();
    }

    private static Request request(String host, String path) {
        return Request.of("POST", path, null, Map.of("Host", List.of(host)), new byte[0]);
    }

    /** A1, A2 (412 for a non-2FA account), A3; returns the session token to trade at accountLogin. */
    private String signIn(String idmsa) throws IOException {
        BigInteger a = Srp.randomSecret(new SecureRandom());
        BigInteger publicA = Srp.publicA(a);
        ObjectNode init = JSON.createObjectNode().put("a", b64(Srp.min(publicA))).put("accountName", USER);
        init.putArray("protocols").add("s2k").add("s2k_fo");
        JsonNode c;
        try (Response reply = post(idmsa + "/appleauth/auth/signin/init", init.toString())) {
            assertThat(reply.code()).isEqualTo(200);
            c = JSON.readTree(reply.body().string());
        }
        byte[] salt = Base64.getDecoder().decode(c.get("salt").asText());
        byte[] derived = Srp.derivePassword(PASSWORD, salt, c.get("iteration").asInt(),
                Srp.Protocol.fromWire(c.get("protocol").asText()));
        BigInteger x = Srp.x(salt, derived);
        BigInteger publicB = new BigInteger(1, Base64.getDecoder().decode(c.get("b").asText()));
        BigInteger u = Srp.u(publicA, publicB);
        byte[] key = Srp.sessionKey(Srp.clientSecret(publicB, x, a, u));
        byte[] m1 = Srp.m1(USER, salt, publicA, publicB, key);
        ObjectNode complete = JSON.createObjectNode().put("accountName", USER).put("c", c.get("c").asText())
                .put("m1", b64(m1)).put("m2", b64(Srp.m2(publicA, m1, key))).put("rememberMe", true);
        complete.putArray("trustTokens");
        try (Response reply = post(idmsa + "/appleauth/auth/signin/complete?isRememberMeEnabled=true",
                complete.toString())) {
            assertThat(reply.code()).isEqualTo(412);
        }
        try (Response repair = post(idmsa + "/appleauth/auth/repair/complete", "{}")) {
            assertThat(repair.code()).isEqualTo(200);
            return repair.header("X-Apple-Session-Token");
        }
    }

    private Response post(String url, String body) throws IOException {
        return http.newCall(new okhttp3.Request.Builder().url(url)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON_TYPE)).build()).execute();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
