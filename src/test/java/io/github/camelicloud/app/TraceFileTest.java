package io.github.camelicloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelicloud.testing.SimulatorExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --trace-file}: sign in with a code (the 2026 409 flow) and sync, then the HAR trace shows every call's
 * method, host, path and status and the non-secret JSON, and no secret of the session anywhere.
 */
class TraceFileTest {

    private static final String USER = "tracer@example.com";
    private static final String PASSWORD = "Tr4ce-Secret-Password";
    private static final String CODE = "918273";
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final SimulatorExtension apple = SimulatorExtension.of(b -> b.assets(6).seed(3).videoSize(100_000)
            .mfaCode(CODE).account(USER + ":" + PASSWORD + ":mfa,hsa2-409,strict-origin"));

    @TempDir
    Path work;

    @Test
    void traceShowsEveryCallAndNoSecret() throws Exception {
        Path trace = work.resolve("logs/trace.har");
        Path cookies = work.resolve("cookies");
        CliRun run = CliRun.of(CODE + "\n", "--username", USER, "--password", PASSWORD, "--domain",
                apple.get().baseUrl(),
                "--cookie-directory", cookies.toString(), "-d", work.resolve("photos").toString(),
                "--trace-file", trace.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trace))).isEqualTo("rw-------");
        String text = Files.readString(trace);
        JsonNode log = JSON.readTree(text).path("log");
        assertThat(log.path("version").asText()).isEqualTo("1.2");
        JsonNode entries = log.path("entries");

        // every call: method, host, path and status
        String host = URI.create(apple.get().baseUrl()).getHost();
        List<String> calls = new ArrayList<>();
        for (JsonNode e : entries) {
            URI url = URI.create(e.path("request").path("url").asText());
            assertThat(url.getHost()).isEqualTo(host);
            assertThat(e.path("response").path("status").asInt()).isPositive();
            calls.add(e.path("request").path("method").asText() + " " + url.getPath() + " "
                    + e.path("response").path("status").asInt());
        }
        assertThat(calls).contains("POST /appleauth/auth/signin/init 200",
                "POST /appleauth/auth/verify/trusteddevice/securitycode 409", "GET /appleauth/auth/2sv/trust 204",
                "POST /setup/ws/1/accountLogin 200");
        assertThat(calls).anyMatch(c -> c.endsWith("/zones/list 200"))
                .anyMatch(c -> c.contains("/records/query 200"));

        // the non-secret JSON is there, its secret fields masked
        JsonNode init = entry(entries, "POST", "/signin/init");
        JsonNode initAnswer = body(init.path("response").path("content"));
        assertThat(initAnswer.path("iteration").asInt()).isPositive();
        assertThat(initAnswer.path("protocol").asText()).startsWith("s2k");
        assertThat(List.of(initAnswer.path("salt").asText(), initAnswer.path("b").asText(),
                initAnswer.path("c").asText(), body(init.path("request").path("postData")).path("a").asText()))
                .containsOnly("***");
        JsonNode complete = body(entry(entries, "POST", "/signin/complete").path("request").path("postData"));
        assertThat(List.of(complete.path("m1").asText(), complete.path("m2").asText(), complete.path("c").asText(),
                complete.path("accountName").asText())).containsOnly("***");
        JsonNode verify = entry(entries, "POST", "/verify/trusteddevice/securitycode");
        assertThat(body(verify.path("request").path("postData")).path("securityCode").path("code").asText())
                .isEqualTo("***");
        assertThat(body(verify.path("response").path("content")).path("securityCode").path("valid").asBoolean())
                .isTrue();
        JsonNode account = body(entry(entries, "POST", "/accountLogin").path("response").path("content"));
        assertThat(account.path("dsInfo").path("hsaVersion").asInt()).isEqualTo(2);
        assertThat(account.path("webservices").path("ckdatabasews").path("url").asText()).startsWith("http");
        assertThat(account.path("dsInfo").path("dsid").asText()).isEqualTo("***");

        // the web app's build is read from its page and named by the calls (not icloudpd's stale constant)
        assertThat(calls).contains("GET / 200");
        JsonNode query = entry(entries, "POST", "/records/query").path("request").path("queryString");
        List<String> parameters = new ArrayList<>();
        query.forEach(q -> parameters.add(q.path("name").asText() + "=" + q.path("value").asText()));
        assertThat(parameters).contains("clientBuildNumber=2534Project66", "clientMasteringNumber=2534B22",
                "dsid=***", "clientId=***");

        // downloads: headers only, signed query masked
        List<JsonNode> downloads = new ArrayList<>();
        entries.forEach(e -> {
            if (e.path("response").path("content").path("comment").asText().contains("file bytes")) {
                downloads.add(e);
            }
        });
        assertThat(downloads).isNotEmpty().allSatisfy(d -> {
            assertThat(d.path("response").path("content").has("text")).isFalse();
            d.path("request").path("queryString").forEach(q -> assertThat(q.path("value").asText()).isEqualTo("***"));
        });

        // secret headers and cookies: masked wherever they appear
        Set<String> secretHeaders = Set.of("scnt", "x-apple.get()-id-session-id", "x-apple.get()-session-token",
                "x-apple.get()-twosv-trust-token", "x-apple.get()-oauth-state", "x-apple.get()-oauth-grant-code",
                "x-apple.get()-auth-attributes", "cookie");
        for (JsonNode e : entries) {
            for (String side : List.of("request", "response")) {
                for (JsonNode h : e.path(side).path("headers")) {
                    String name = h.path("name").asText().toLowerCase(Locale.ROOT);
                    if (secretHeaders.contains(name)) {
                        assertThat(h.path("value").asText()).as(name).doesNotContainPattern("=[^*;]");
                        assertThat(h.path("value").asText().replaceAll("[^;]+=\\*\\*\\*", "***")).as(name)
                                .matches("\\*\\*\\*(;\\*\\*\\*)*");
                    }
                    if (name.equals("set-cookie")) {
                        assertThat(h.path("value").asText()).matches("[^=]+=\\*\\*\\*(;.*)?");
                    }
                }
            }
        }

        // and no secret of the session appears anywhere: password, code, every token and cookie value stored
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, "\"" + CODE + "\"", USER));
        try (Stream<Path> files = Files.list(cookies)) {
            Path session = files.filter(f -> f.toString().endsWith(".camel-icloud.json")).findFirst().orElseThrow();
            JsonNode stored = JSON.readTree(session.toFile());
            stored.path("session").fields().forEachRemaining(f -> {
                if (Set.of("session_token", "trust_token", "scnt", "session_id", "client_id").contains(f.getKey())) {
                    secrets.add(f.getValue().asText());
                }
            });
            stored.path("cookies").forEach(c -> {
                String value = c.path("value").asText().replace("\"", "");
                if (value.length() >= 8) {
                    secrets.add(value);
                }
            });
        }
        assertThat(secrets).hasSizeGreaterThan(8);
        for (String secret : secrets) {
            assertThat(text).as("the trace must not contain a secret").doesNotContain(secret);
        }
    }

    private static JsonNode entry(JsonNode entries, String method, String pathEnd) {
        for (JsonNode e : entries) {
            if (e.path("request").path("method").asText().equals(method)
                    && URI.create(e.path("request").path("url").asText()).getPath().endsWith(pathEnd)) {
                return e;
            }
        }
        throw new AssertionError("no call to " + pathEnd + " in the trace");
    }

    private static JsonNode body(JsonNode content) throws Exception {
        return JSON.readTree(content.path("text").asText());
    }
}
