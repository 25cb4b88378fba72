package io.github.camelicloud.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.srp.Srp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A deliberately small, independent client for the simulator tests: the JDK HTTP client with a cookie
 * jar, the idmsa header capture of §2.3, and SRP done here with {@link Srp}. Not the project's client.
 */
final class SimClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    final String base;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);
    private final HttpClient http;
    String scnt;
    String sessionId;
    String sessionToken;
    String trustToken;
    String accountCountry;

    /** A reply, read in full. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        Optional<String> setCookie(String namePrefix) {
            return setCookies().stream().filter(c -> c.startsWith(namePrefix)).findFirst();
        }
    }

    SimClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
            capture(reply);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** idmsa calls carry the last scnt and session id, like icloudpd's session file (§2.2). */
    Reply idmsa(String method, String path, String body) {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json", "Accept",
                "application/json, text/javascript", "X-Apple-Widget-Key", "d39ba9916b72510"));
        if (scnt != null) {
            headers.addAll(List.of("scnt", scnt));
        }
        if (sessionId != null) {
            headers.addAll(List.of("X-Apple-ID-Session-Id", sessionId));
        }
        return send(method, "/appleauth/auth" + path, body, headers.toArray(String[]::new));
    }

    /** SRP steps A1 + A2; returns the signin/complete reply (409, 200, 412, 401, 403). */
    Reply signIn(String email, String password) {
        BigInteger a = Srp.randomSecret(RANDOM);
        BigInteger publicA = Srp.publicA(a);
        ObjectNode init = JSON.createObjectNode().put("a", b64(Srp.min(publicA))).put("accountName", email);
        init.putArray("protocols").add("s2k").add("s2k_fo");
        Reply challenge = idmsa("POST", "/signin/init", init.toString());
        if (challenge.status() != 200) {
            return challenge;
        }
        JsonNode c = challenge.json();
        byte[] salt = Base64.getDecoder().decode(c.get("salt").asText());
        byte[] derived = Srp.derivePassword(password, salt, c.get("iteration").asInt(),
                Srp.Protocol.fromWire(c.get("protocol").asText()));
        BigInteger x = Srp.x(salt, derived);
        BigInteger publicB = new BigInteger(1, Base64.getDecoder().decode(c.get("b").asText()));
        BigInteger u = Srp.u(publicA, publicB);
        byte[] key = Srp.sessionKey(Srp.clientSecret(publicB, x, a, u));
        byte[] m1 = Srp.m1(email, salt, publicA, publicB, key);
        byte[] m2 = Srp.m2(publicA, m1, key);
        ObjectNode complete = JSON.createObjectNode().put("accountName", email).put("c", c.get("c").asText())
                .put("m1", b64(m1)).put("m2", b64(m2)).put("rememberMe", true);
        ArrayNode trust = complete.putArray("trustTokens");
        if (trustToken != null) {
            trust.add(trustToken);
        }
        return idmsa("POST", "/signin/complete?isRememberMeEnabled=true", complete.toString());
    }

    Reply accountLogin() {
        ObjectNode body = JSON.createObjectNode().put("accountCountryCode", accountCountry)
                .put("dsWebAuthToken", sessionToken).put("extended_login", true)
                .put("trustToken", trustToken == null ? "" : trustToken);
        return send("POST", "/setup/ws/1/accountLogin", body.toString());
    }

    Reply validate() {
        return send("POST", "/setup/ws/1/validate", "null");
    }

    /** C1/C2 on the Photos container, body as text/plain like icloudpd. */
    Reply cloudKit(String database, String operation, String body) {
        String query = operation.equals("zones/list") ? ""
                : "?clientBuildNumber=2522Project44&clientMasteringNumber=2522B2&clientId=TEST&dsid=1"
                        + "&remapEnums=True&getCurrentSyncToken=True";
        return send("POST", "/database/1/com.apple.photos.cloud/production/" + database + "/" + operation + query,
                body, "Content-Type", "text/plain");
    }

    Reply checkIndexingState() {
        return cloudKit("private", "records/query",
                "{\"query\":{\"recordType\":\"CheckIndexingState\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}");
    }

    List<HttpCookie> jar() {
        return cookies.getCookieStore().get(URI.create(base));
    }

    private void capture(Reply reply) {
        reply.header("scnt").ifPresent(v -> scnt = v);
        reply.header("X-Apple-ID-Session-Id").ifPresent(v -> sessionId = v);
        reply.header("X-Apple-Session-Token").ifPresent(v -> sessionToken = v);
        reply.header("X-Apple-TwoSV-Trust-Token").ifPresent(v -> trustToken = v);
        reply.header("X-Apple-ID-Account-Country").ifPresent(v -> accountCountry = v);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
