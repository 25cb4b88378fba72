package io.github.camelicloud.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.SimClient.Reply;
import io.github.camelicloud.srp.Srp;
import io.github.camelicloud.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator.get() end to end over real HTTP, with an independent SRP client. */
class ICloudSimulatorTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String S2K_USER = emailFor(Srp.Protocol.S2K);
    private static final String S2K_FO_USER = emailFor(Srp.Protocol.S2K_FO);
    private static final String TWO_SA = "twosa@example.com";
    private static final String NO_MFA = "plain@example.com";
    private static final String FIDO = "key@example.com";
    private static final String ADP = "adp@example.com";
    private static final String NOT_READY = "fresh@example.com";
    private static final String LOCKED = "locked@example.com";

    @RegisterExtension
    final SimulatorExtension simulator = SimulatorExtension.of(b -> b.account(SimulatorAccount.of(S2K_USER, PASSWORD))
            .account(SimulatorAccount.of(S2K_FO_USER, PASSWORD, AccountFlag.MFA))
            .account(TWO_SA + ":" + PASSWORD + ":2sa")
            .account(NO_MFA + ":" + PASSWORD + ":nomfa")
            .account(FIDO + ":" + PASSWORD + ":fido")
            .account(ADP + ":" + PASSWORD + ":adp")
            .account(NOT_READY + ":" + PASSWORD + ":not-ready")
            .account(LOCKED + ":" + PASSWORD + ":locked"));
    private SimClient client;

    @BeforeEach
    void start() {
        client = new SimClient(simulator.get().baseUrl());
    }

    @Test
    void baseUrlIsLoopbackWithoutTrailingSlash() {
        assertThat(simulator.get().baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    }

    @ParameterizedTest
    @EnumSource(Srp.Protocol.class)
    void srpSignInAnswersLikeTheCassette(Srp.Protocol protocol) {
        String email = protocol == Srp.Protocol.S2K ? S2K_USER : S2K_FO_USER;
        Reply init = client.idmsa("POST", "/signin/init", "{\"a\":\"" + Base64.getEncoder().encodeToString(
                Srp.min(Srp.publicA(Srp.randomSecret(new java.security.SecureRandom())))) + "\",\"accountName\":\""
                + email + "\",\"protocols\":[\"s2k\",\"s2k_fo\"]}");
        assertThat(init.status()).isEqualTo(200);
        assertThat(init.header("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(init.header("scnt")).isPresent();
        assertThat(fieldNames(init.json())).containsExactly("iteration", "salt", "protocol", "version", "b", "c");
        assertThat(init.json().get("protocol").asText()).isEqualTo(protocol.wireName());
        assertThat(init.json().get("iteration").asInt()).isEqualTo(1000);
        assertThat(Base64.getDecoder().decode(init.json().get("salt").asText())).hasSize(16);
        assertThat(init.json().get("c").asText()).matches("d-\\d{3}-[0-9a-f-]{36}:MSA");

        Reply complete = client.signIn(email, PASSWORD);
        assertThat(complete.status()).isEqualTo(409);
        assertThat(complete.json().get("authType").asText()).isEqualTo("hsa2");
        assertThat(complete.json().has("fsaChallenge")).isFalse();
        for (String header : List.of("X-Apple-Session-Token", "X-Apple-ID-Session-Id", "scnt",
                "X-Apple-ID-Account-Country", "X-Apple-TwoSV-Trust-Eligible")) {
            assertThat(complete.header(header)).as(header).isPresent();
        }
        assertThat(complete.header("X-Apple-ID-Account-Country")).hasValue("USA");
    }

    @Test
    void wrongPasswordGetsTheRecorded401() {
        Reply reply = client.signIn(S2K_USER, "not the password");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("X-Apple-Session-Token")).isEmpty();
        assertThat(reply.json()).isEqualTo(Cassettes.responseJson("failed_auth", "POST", "/signin/complete"));
        assertThat(reply.json().at("/serviceErrors/0/code").asText()).isEqualTo("-20101");
    }

    @Test
    void unknownAccountGetsAChallengeThenA401() {
        Reply reply = client.signIn("nobody@example.com", PASSWORD);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().at("/serviceErrors/0/code").asText()).isEqualTo("-20101");
    }

    @Test
    void mfaFlow2026PushThenCodeThenTrust() throws Exception {
        assertThat(client.signIn(S2K_USER, PASSWORD).status()).isEqualTo(409);
        Reply login = client.accountLogin();
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("hsaChallengeRequired").asBoolean()).isTrue();
        assertThat(login.json().get("hsaTrustedBrowser").asBoolean()).isFalse();
        assertThat(login.json().at("/dsInfo/hsaVersion").asInt()).isEqualTo(2);
        assertThat(login.json().at("/webservices/ckdatabasews/url").asText()).isEqualTo(simulator.get().baseUrl());
        assertThat(login.setCookie("X-APPLE-WEBAUTH-HSA-TRUST-")).isEmpty();

        Reply page = client.send("GET", "/appleauth/auth", null, "X-Apple-ID-Session-Id", client.sessionId);
        assertThat(page.status()).isEqualTo(200);
        JsonNode bootArgs = bootArgs(page.body());
        JsonNode phones = bootArgs.at("/direct/twoSV/bridgeInitiateData/phoneNumberVerification/trustedPhoneNumbers");
        assertThat(phones.isArray()).isTrue();
        assertThat(phones.get(0).get("id").asInt()).isEqualTo(1);
        assertThat(phones.get(0).get("obfuscatedNumber").asText()).startsWith("(•••) •••-••");
        assertThat(bootArgs.at("/direct/twoSV/phoneNumberVerification").isMissingNode()).isTrue();

        assertThat(client.idmsa("PUT", "/verify/trusteddevice/securitycode", null).status()).isIn(200, 204);
        String tokenBefore = client.sessionToken;
        Reply code = client.idmsa("POST", "/verify/trusteddevice/securitycode",
                "{\"securityCode\":{\"code\":\"123456\"}}");
        assertThat(code.status()).isEqualTo(204);
        assertThat(client.sessionToken).isNotEqualTo(tokenBefore);

        Reply trust = client.idmsa("GET", "/2sv/trust", null);
        assertThat(trust.status()).isEqualTo(204);
        assertThat(trust.header("X-Apple-TwoSV-Trust-Token")).isPresent();
        assertThat(trust.header("X-Apple-Session-Token")).isPresent();

        Instant before = simulator.get().clock().instant();
        Reply trusted = client.accountLogin();
        assertThat(trusted.json().get("hsaChallengeRequired").asBoolean()).isFalse();
        assertThat(trusted.json().get("hsaTrustedBrowser").asBoolean()).isTrue();
        String trustCookie = trusted.setCookie("X-APPLE-WEBAUTH-HSA-TRUST-").orElseThrow();
        Instant expires = cookieExpiry(trustCookie);
        assertThat(Duration.between(before, expires).toHours()).isBetween(60 * 24L - 1, 60 * 24L);

        Reply indexing = client.checkIndexingState();
        assertThat(indexing.status()).isEqualTo(200);
        assertThat(indexing.json().at("/records/0/fields/state/value").asText()).isEqualTo("FINISHED");
        assertThat(indexing.json().get("syncToken").asText()).isNotEmpty();

        // Signing in again with the trust token skips MFA.
        client.sessionId = null;
        client.scnt = null;
        Reply again = client.signIn(S2K_USER, PASSWORD);
        assertThat(again.status()).isEqualTo(200);
        assertThat(client.accountLogin().json().get("hsaTrustedBrowser").asBoolean()).isTrue();
    }

    @Test
    void accountLoginCookiesAreQuotedAndScopedToTheBaseUrl() {
        client.signIn(S2K_USER, PASSWORD);
        Reply login = client.accountLogin();
        List<String> names = new ArrayList<>();
        for (String cookie : login.setCookies()) {
            names.add(cookie.substring(0, cookie.indexOf('=')));
            assertThat(cookie).doesNotContain("Domain=").doesNotContain("Secure");
            assertThat(cookie).matches("[^=]+=\"[^\"]*\";.*Path=/.*");
        }
        assertThat(names).contains("X-APPLE-WEBAUTH-TOKEN", "X-APPLE-WEBAUTH-USER", "X-APPLE-DS-WEB-SESSION-TOKEN",
                "X-APPLE-WEBAUTH-LOGIN", "X-APPLE-WEBAUTH-VALIDATE", "X-APPLE-WEBAUTH-HSA-LOGIN",
                "X-APPLE-UNIQUE-CLIENT-ID");
        assertThat(login.setCookie("X-APPLE-WEBAUTH-USER").orElseThrow())
                .matches("X-APPLE-WEBAUTH-USER=\"v=1:s=1:d=\\d{11}\";Expires=\\w{3}, \\d{2}-\\w{3}-\\d{4} "
                        + "\\d{2}:\\d{2}:\\d{2} GMT;Path=/;HttpOnly");
        assertThat(client.jar()).extracting(c -> c.getName()).contains("X-APPLE-WEBAUTH-TOKEN");
    }

    @Test
    void accountLoginHasTheRecordedShape() {
        Cassettes.folder();
        client.signIn(S2K_USER, PASSWORD);
        JsonNode ours = client.accountLogin().json();
        JsonNode apple = Cassettes.responseJson("auth_requires_2fa", "POST", "/accountLogin");
        assertThat(fieldNames(ours)).containsExactlyInAnyOrderElementsOf(fieldNames(apple));
        assertThat(fieldNames(ours.get("dsInfo"))).containsExactlyInAnyOrderElementsOf(fieldNames(apple.get("dsInfo")));
        // sharedstreams (Shared Albums) is the one service the recording lacks: its account had none set up;
        // public clients read it from the same list (docs/simulator-fidelity.md, Shared Albums)
        List<String> recorded = new ArrayList<>(fieldNames(apple.get("webservices")));
        recorded.add("sharedstreams");
        assertThat(fieldNames(ours.get("webservices"))).containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(fieldNames(ours.get("configBag").get("urls")))
                .containsExactlyInAnyOrderElementsOf(fieldNames(apple.get("configBag").get("urls")));
    }

    @Test
    void wrongDeviceCodeGetsTheRecorded400() {
        client.signIn(S2K_FO_USER, PASSWORD);
        client.accountLogin();
        Reply reply = client.idmsa("POST", "/verify/trusteddevice/securitycode",
                "{\"securityCode\":{\"code\":\"654321\"}}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("X-Apple-I-Ercd")).hasValue("-21669");
        assertThat(reply.json()).isEqualTo(Cassettes.responseJson("2fa_flow_invalid_code", "POST",
                "/verify/trusteddevice/securitycode"));
        assertThat(reply.json().get("hasError").asBoolean()).isTrue();
    }

    @Test
    void smsFlowWithoutCookiesOrScnt() {
        client.signIn(S2K_USER, PASSWORD);
        client.accountLogin();
        String sessionId = client.sessionId;
        SimClient bare = new SimClient(simulator.get().baseUrl());
        bare.sessionId = sessionId;
        Reply sent = bare.idmsa("PUT", "/verify/phone", "{\"phoneNumber\":{\"id\":1},\"mode\":\"sms\"}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().at("/trustedPhoneNumber/id").asInt()).isEqualTo(1);
        assertThat(bare.idmsa("PUT", "/verify/phone", "{\"phoneNumber\":{\"id\":99},\"mode\":\"sms\"}").status())
                .isEqualTo(400);
        Reply wrong = bare.idmsa("POST", "/verify/phone/securitycode",
                "{\"phoneNumber\":{\"id\":1},\"securityCode\":{\"code\":\"000000\"},\"mode\":\"sms\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().at("/service_errors/0/code").asText()).isEqualTo("-21669");
        Reply right = bare.idmsa("POST", "/verify/phone/securitycode",
                "{\"phoneNumber\":{\"id\":1},\"securityCode\":{\"code\":\"123456\"},\"mode\":\"sms\"}");
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.header("X-Apple-Session-Token")).isPresent();
        assertThat(client.idmsa("GET", "/2sv/trust", null).status()).isEqualTo(204);
        assertThat(client.accountLogin().json().get("hsaTrustedBrowser").asBoolean()).isTrue();
    }

    @Test
    void trustIsRefusedBeforeTheCode() {
        client.signIn(S2K_USER, PASSWORD);
        Reply trust = client.idmsa("GET", "/2sv/trust", null);
        assertThat(trust.status()).isEqualTo(401);
        assertThat(trust.header("X-Apple-TwoSV-Trust-Token")).isEmpty();
    }

    @Test
    void legacyPageKeepsPhonesAtTheOldLocation() {
        try (ICloudSimulator legacy = ICloudSimulator.builder().srpIterations(1000).legacyHsa2Page(true).build()
                .start()) {
            SimClient other = new SimClient(legacy.baseUrl());
            other.signIn("demo@example.com", "demo-password");
            JsonNode bootArgs = bootArgs(other.idmsa("GET", "", null).body());
            assertThat(bootArgs.at("/direct/twoSV/phoneNumberVerification/trustedPhoneNumbers/0/id").asInt())
                    .isEqualTo(1);
            assertThat(bootArgs.at("/direct/twoSV/bridgeInitiateData").isMissingNode()).isTrue();
        }
    }

    @Test
    void twoStepVerificationFlow() {
        assertThat(client.signIn(TWO_SA, PASSWORD).status()).isEqualTo(409);
        JsonNode first = client.accountLogin().json();
        assertThat(first.at("/dsInfo/hsaVersion").asInt()).isEqualTo(1);
        assertThat(first.at("/dsInfo/hasICloudQualifyingDevice").asBoolean()).isFalse();
        assertThat(first.get("hsaChallengeRequired").asBoolean()).isTrue();

        String params = "?clientBuildNumber=2522Project44&clientMasteringNumber=2522B2&clientId=X&dsid="
                + first.at("/dsInfo/dsid").asText();
        Reply devices = client.send("GET", "/setup/ws/1/listDevices" + params, null);
        JsonNode device = devices.json().at("/devices/0");
        assertThat(fieldNames(device)).containsExactly("deviceType", "areaCode", "phoneNumber", "deviceId");
        assertThat(device.get("phoneNumber").asText()).matches("\\*{7}\\d{2}");
        assertThat(client.send("POST", "/setup/ws/1/sendVerificationCode" + params, device.toString()).json()
                .get("success").asBoolean()).isTrue();

        Reply wrong = client.send("POST", "/setup/ws/1/validateVerificationCode" + params,
                ((com.fasterxml.jackson.databind.node.ObjectNode) device.deepCopy()).put("verificationCode", "901431")
                        .put("trustBrowser", true).toString());
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json()).isEqualTo(Cassettes.responseJson("2sa_flow_invalid_code", "POST",
                "/validateVerificationCode"));
        assertThat(wrong.json().get("errorCode").isInt()).isTrue();

        Reply right = client.send("POST", "/setup/ws/1/validateVerificationCode" + params,
                ((com.fasterxml.jackson.databind.node.ObjectNode) device.deepCopy()).put("verificationCode", "123456")
                        .put("trustBrowser", true).toString());
        assertThat(right.json().get("success").asBoolean()).isTrue();
        JsonNode second = client.accountLogin().json();
        assertThat(second.get("hsaChallengeRequired").asBoolean()).isFalse();
        assertThat(second.get("hsaTrustedBrowser").asBoolean()).isTrue();
    }

    @Test
    void nonTwoFactorAccountRepairsThenLogsInWithoutHsaKeys() {
        Reply reply = client.signIn(NO_MFA, PASSWORD);
        assertThat(reply.status()).isEqualTo(412);
        assertThat(reply.json().toString()).isEqualTo("{\"auth_type\":\"sa\"}");
        assertThat(reply.header("X-Apple-Session-Token")).isPresent();
        Reply repair = client.idmsa("POST", "/repair/complete", "{}");
        assertThat(repair.status()).isEqualTo(200);
        assertThat(repair.body()).isEmpty();
        assertThat(repair.header("X-Apple-Session-Token")).isPresent();

        JsonNode login = client.accountLogin().json();
        assertThat(login.has("hsaChallengeRequired")).isFalse();
        assertThat(login.has("hsaTrustedBrowser")).isFalse();
        assertThat(login.get("dsInfo").has("hsaVersion")).isFalse();
        assertThat(client.checkIndexingState().status()).isEqualTo(200);

        // Repaired once, later sign-ins are plain 200s.
        assertThat(client.signIn(NO_MFA, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void securityKeyAccountGetsAnFsaChallengeAndCloudKitRefusesIt() {
        Reply reply = client.signIn(FIDO, PASSWORD);
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("authType").asText()).isEqualTo("hsa2");
        assertThat(reply.json().get("fsaChallenge").get("challenge").asText()).isNotEmpty();
        assertThat(reply.json().get("fsaChallenge").get("rpId").asText()).isEqualTo("apple.com");
        assertThat(reply.json().get("keyNames").isArray()).isTrue();

        client.accountLogin();
        client.idmsa("POST", "/verify/trusteddevice/securitycode", "{\"securityCode\":{\"code\":\"123456\"}}");
        Reply cloudKit = client.checkIndexingState();
        assertThat(cloudKit.status()).isEqualTo(401);
        assertThat(cloudKit.json().get("serverErrorCode").asText()).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(cloudKit.json().get("reason").asText()).isEqualTo("no auth method found");
    }

    @Test
    void lockedAccountGets403() {
        Reply reply = client.signIn(LOCKED, PASSWORD);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().at("/serviceErrors/0/code").asText()).isEqualTo("-20209");
        assertThat(reply.json().at("/serviceErrors/0/message").asText()).contains("locked for security reasons");
        assertThat(reply.header("X-Apple-Session-Token")).isEmpty();
    }

    @Test
    void advancedDataProtectionDeniesCloudKit() {
        signInWithTrust(ADP);
        Reply reply = client.checkIndexingState();
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("serverErrorCode").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(reply.json().get("reason").asText()).isEqualTo("private db access disabled for this account");
        assertThat(reply.json().get("uuid").asText()).isNotEmpty();
        assertThat(client.cloudKit("private", "zones/list", "{}").status()).isEqualTo(403);
    }

    @Test
    void notReadyLibraryAnswers400UntilTheWindowPasses() {
        signInWithTrust(NOT_READY);
        Reply early = client.checkIndexingState();
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().get("serverErrorCode").asText()).isEqualTo("BAD_REQUEST");
        assertThat(early.json().get("reason").asText()).isEqualTo("Bad Request");
        assertThat(client.cloudKit("private", "zones/list", "{}").status()).isEqualTo(400);

        simulator.get().advanceClock(Duration.ofSeconds(21));
        Reply later = client.checkIndexingState();
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.json().at("/records/0/fields/state/value").asText()).isEqualTo("FINISHED");
    }

    @Test
    void trustExpiryMakesValidateDemandMfaAgain() {
        signInWithTrust(S2K_USER);
        JsonNode fresh = client.validate().json();
        assertThat(fresh.get("hsaTrustedBrowser").asBoolean()).isTrue();
        assertThat(fresh.get("hsaChallengeRequired").asBoolean()).isFalse();

        Reply hook = client.send("POST", "/_simulator/clock/advance", "{\"seconds\":" + 61 * 86_400 + "}");
        assertThat(hook.status()).isEqualTo(200);
        Reply stale = client.validate();
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().get("hsaChallengeRequired").asBoolean()).isTrue();
        assertThat(stale.json().get("hsaTrustedBrowser").asBoolean()).isFalse();
        assertThat(client.checkIndexingState().status()).isEqualTo(421);

        // The expired trust token no longer skips MFA; a new code and trust restore access.
        client.sessionId = null;
        client.scnt = null;
        assertThat(client.signIn(S2K_USER, PASSWORD).status()).isEqualTo(409);
        client.accountLogin();
        client.idmsa("POST", "/verify/trusteddevice/securitycode", "{\"securityCode\":{\"code\":\"123456\"}}");
        client.idmsa("GET", "/2sv/trust", null);
        assertThat(client.accountLogin().json().get("hsaTrustedBrowser").asBoolean()).isTrue();
        assertThat(client.checkIndexingState().status()).isEqualTo(200);
    }

    @Test
    void fractionalTrustDaysAreHonoured() {
        try (ICloudSimulator shortTrust = ICloudSimulator.builder().srpIterations(1000).trustDays(0.5).build()
                .start()) {
            SimClient other = new SimClient(shortTrust.baseUrl());
            other.signIn("demo@example.com", "demo-password");
            other.accountLogin();
            other.idmsa("POST", "/verify/trusteddevice/securitycode", "{\"securityCode\":{\"code\":\"123456\"}}");
            other.idmsa("GET", "/2sv/trust", null);
            assertThat(other.accountLogin().json().get("hsaTrustedBrowser").asBoolean()).isTrue();
            shortTrust.advanceClock(Duration.ofHours(13));
            assertThat(other.validate().json().get("hsaChallengeRequired").asBoolean()).isTrue();
        }
    }

    @Test
    void injected503sCarryRetryAfterThenServiceResumes() {
        Reply hook = client.send("POST", "/_simulator/faults", "{\"method\":\"POST\",\"path\":\"/appleauth/auth/"
                + "signin/init\",\"status\":503,\"count\":2,\"retryAfterSeconds\":1}");
        assertThat(hook.status()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            Reply refused = client.signIn(S2K_USER, PASSWORD);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).isEqualTo("Service Temporary Unavailable");
            assertThat(refused.header("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(refused.header("Retry-After")).hasValue("1");
        }
        assertThat(client.signIn(S2K_USER, PASSWORD).status()).isEqualTo(409);
    }

    @Test
    void injected429IsCloudKitThrottling() {
        signInWithTrust(S2K_USER);
        simulator.get().injectFault(Fault.of("POST", "/database/1/*", 429).retryAfter(Duration.ofSeconds(7)));
        Reply throttled = client.checkIndexingState();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("serverErrorCode").asText()).isEqualTo("THROTTLED");
        assertThat(throttled.header("Retry-After")).hasValue("7");
        assertThat(client.checkIndexingState().status()).isEqualTo(200);
    }

    @Test
    void validateWorksWithCookiesUntilSessionsExpire() {
        signInWithTrust(S2K_FO_USER);
        Reply valid = client.validate();
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.json().at("/dsInfo/appleId").asText()).isEqualTo(S2K_FO_USER);
        assertThat(valid.setCookie("X-APPLE-WEBAUTH-TOKEN")).isPresent();

        assertThat(client.send("POST", "/_simulator/sessions/expire", "{}").status()).isEqualTo(200);
        assertThat(client.validate().status()).isEqualTo(421);
        Reply cloudKit = client.checkIndexingState();
        assertThat(cloudKit.status()).isEqualTo(421);
        assertThat(cloudKit.json().get("serverErrorCode").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(client.accountLogin().status()).isEqualTo(421);

        // The trust token outlives the session: a fresh sign-in is trusted straight away.
        client.sessionId = null;
        client.scnt = null;
        assertThat(client.signIn(S2K_FO_USER, PASSWORD).status()).isEqualTo(200);
        assertThat(client.accountLogin().status()).isEqualTo(200);
        assertThat(client.validate().status()).isEqualTo(200);
    }

    @Test
    void cloudKitNeedsTheWebSessionCookie() {
        Reply anonymous = new SimClient(simulator.get().baseUrl()).checkIndexingState();
        assertThat(anonymous.status()).isEqualTo(421);
        assertThat(anonymous.json().get("serverErrorCode").asText()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(new SimClient(simulator.get().baseUrl()).validate().status()).isEqualTo(421);
    }

    @Test
    void cloudKitBeforeMfaIsRefused() {
        client.signIn(S2K_USER, PASSWORD);
        client.accountLogin();
        assertThat(client.checkIndexingState().status()).isEqualTo(421);
    }

    @Test
    void zonesListAndIndexingStateShapes() {
        signInWithTrust(S2K_USER);
        JsonNode zones = client.cloudKit("private", "zones/list", "{}").json();
        assertThat(zones.get("moreComing").asBoolean()).isFalse();
        assertThat(zones.get("syncToken").asText()).isNotEmpty();
        JsonNode zone = zones.at("/zones/0");
        assertThat(zone.at("/zoneID/zoneName").asText()).isEqualTo("PrimarySync");
        assertThat(zone.at("/zoneID/ownerRecordName").asText()).matches("_[0-9a-f]{32}");
        assertThat(zone.at("/zoneID/zoneType").asText()).isEqualTo("REGULAR_CUSTOM_ZONE");
        assertThat(zone.get("syncToken").asText()).isNotEmpty();
        assertThat(Base64.getDecoder().decode(zone.get("syncToken").asText())).hasSize(33);

        JsonNode shared = client.cloudKit("shared", "zones/list", "{}").json().get("zones");
        assertThat(shared).hasSize(1);
        assertThat(shared.at("/0/zoneID/zoneName").asText()).matches("SharedSync-[0-9A-F-]{36}");

        JsonNode state = client.checkIndexingState().json();
        JsonNode apple = Cassettes.responseJson("listing_albums", "POST", "/private/records/query");
        assertThat(fieldNames(state)).containsExactlyElementsOf(fieldNames(apple));
        assertThat(fieldNames(state.at("/records/0"))).containsExactlyElementsOf(fieldNames(apple.at("/records/0")));
        assertThat(state.at("/records/0/zoneID/ownerRecordName").asText())
                .isEqualTo(zone.at("/zoneID/ownerRecordName").asText());

        Reply noToken = client.send("POST", "/database/1/com.apple.photos.cloud/production/private/records/query",
                "{\"query\":{\"recordType\":\"CheckIndexingState\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}");
        assertThat(noToken.json().has("syncToken")).isFalse();

        Reply unknown = client.cloudKit("private", "records/query",
                "{\"query\":{\"recordType\":\"CPLNothing\"},\"zoneID\":{\"zoneName\":\"PrimarySync\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("reason").asText()).isEqualTo("Unknown record type");
        Reply missingZone = client.cloudKit("shared", "records/query",
                "{\"query\":{\"recordType\":\"CheckIndexingState\"},\"zoneID\":{\"zoneName\":\"SharedSync-1\"}}");
        assertThat(missingZone.json().get("serverErrorCode").asText()).isEqualTo("ZONE_NOT_FOUND");
    }

    @Test
    void stateHookListsAccountsAndTrustButNoTokens() {
        signInWithTrust(S2K_USER);
        Reply state = client.send("GET", "/_simulator/state", null);
        assertThat(state.status()).isEqualTo(200);
        JsonNode accounts = state.json().get("accounts");
        assertThat(accounts).hasSize(8);
        JsonNode mine = null;
        for (JsonNode account : accounts) {
            if (account.get("email").asText().equals(S2K_USER)) {
                mine = account;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("flags").get(0).asText()).isEqualTo("mfa");
        assertThat(Instant.parse(mine.get("trustExpiresAt").asText())).isAfter(Instant.now().plus(Duration.ofDays(59)));
        assertThat(state.json().at("/sessions/web").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(state.body()).doesNotContain(client.sessionToken).doesNotContain(client.trustToken);
        assertThat(simulator.get().stateJson()).contains(S2K_USER);
    }

    @Test
    void hooksRejectBadInputAndAreNeverFaulted() {
        assertThat(client.send("POST", "/_simulator/clock/advance", "{\"seconds\":-1}").status()).isEqualTo(400);
        assertThat(client.send("POST", "/_simulator/faults", "{\"status\":503}").status()).isEqualTo(400);
        simulator.get().injectFault(Fault.of("*", "*", 503).times(5));
        assertThat(client.send("GET", "/_simulator/state", null).status()).isEqualTo(200);
        assertThat(client.send("DELETE", "/_simulator/faults", null).status()).isEqualTo(200);
        assertThat(client.signIn(S2K_USER, PASSWORD).status()).isEqualTo(409);
    }

    @Test
    void unknownPathsAre404() {
        assertThat(client.send("GET", "/nothing/here", null).status()).isEqualTo(404);
        assertThat(client.send("DELETE", "/setup/ws/1/validate", null).status()).isEqualTo(405);
    }

    /** Full HSA2 sign-in: SRP, accountLogin, device code, trust, accountLogin again. */
    private void signInWithTrust(String email) {
        assertThat(client.signIn(email, PASSWORD).status()).isEqualTo(409);
        client.accountLogin();
        client.idmsa("PUT", "/verify/trusteddevice/securitycode", null);
        assertThat(client.idmsa("POST", "/verify/trusteddevice/securitycode",
                "{\"securityCode\":{\"code\":\"123456\"}}").status()).isEqualTo(204);
        assertThat(client.idmsa("GET", "/2sv/trust", null).status()).isEqualTo(204);
        Reply login = client.accountLogin();
        assertThat(login.json().get("hsaTrustedBrowser").asBoolean()).isTrue();
    }

    private static JsonNode bootArgs(String html) throws RuntimeException {
        Matcher matcher = Pattern.compile("<script type=\"application/json\" class=\"boot_args\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("boot_args script in %s", html).isTrue();
        try {
            return SimClient.JSON.readTree(matcher.group(1));
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }

    private static Instant cookieExpiry(String setCookie) {
        Matcher matcher = Pattern.compile("Expires=([^;]+)").matcher(setCookie);
        assertThat(matcher.find()).isTrue();
        return ZonedDateTime.parse(matcher.group(1), DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'",
                Locale.US).withZone(ZoneOffset.UTC)).toInstant();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    /** An email whose hash makes the simulator.get() offer {@code protocol}. */
    private static String emailFor(Srp.Protocol protocol) {
        for (int i = 0;; i++) {
            String email = "user" + i + "@example.com";
            if (SimulatorAccount.of(email, PASSWORD).srpProtocol() == protocol) {
                return email;
            }
        }
    }

}
