package io.github.camelicloud.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.AccountLockedException;
import io.github.camelicloud.client.AppSpecificPasswordException;
import io.github.camelicloud.client.DomainMismatchException;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.ICloudServiceException;
import io.github.camelicloud.client.InvalidCredentialsException;
import io.github.camelicloud.client.MfaRequiredException;
import io.github.camelicloud.client.PasswordRequiredException;
import io.github.camelicloud.client.SecurityKeyNotSupportedException;
import io.github.camelicloud.client.ServiceUnavailableException;
import io.github.camelicloud.client.http.ApiResponse;
import io.github.camelicloud.client.http.ICloudHttp;
import io.github.camelicloud.client.http.WebAppBuild;
import io.github.camelicloud.client.session.SessionKey;
import io.github.camelicloud.client.session.SessionState;
import io.github.camelicloud.client.session.StoredCookie;
import io.github.camelicloud.srp.Srp;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs one account in, the way Apple's web client does (icloud-protocol.md §2.5–§5): re-validate a
 * stored session; otherwise SRP, accountLogin, and MFA (HSA2 device code or SMS, legacy 2SA) with
 * the trust token stored for the next runs.
 */
public final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    private final ICloudHttp http;
    private final SessionState session;
    private final String username;
    private final Supplier<Optional<String>> password;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final AuthRequests requests;

    public Authenticator(ICloudHttp http, String username, Supplier<Optional<String>> password, Clock clock) {
        this.http = http;
        this.session = http.session();
        this.username = username;
        this.password = password;
        this.clock = clock;
        this.requests = new AuthRequests(http, clientId(session));
    }

    private static String clientId(SessionState session) {
        Optional<String> stored = session.get(SessionKey.CLIENT_ID);
        if (stored.isPresent()) {
            return stored.get();
        }
        String fromEnv = System.getenv("CLIENT_ID");
        String id = fromEnv != null && !fromEnv.isBlank() ? fromEnv : "auth-" + UUID.randomUUID();
        session.put(SessionKey.CLIENT_ID, id);
        return id;
    }

    public String clientId() {
        return session.get(SessionKey.CLIENT_ID).orElseThrow();
    }

    /**
     * Returns a signed-in session. {@code mfa} is asked for a code only when Apple demands one; pass
     * {@link MfaCodeProvider#NONE} for a silent sign-in that fails with {@link MfaRequiredException}.
     */
    public AccountSession authenticate(MfaCodeProvider mfa) {
        LOG.info("Authenticating {}...", username);
        JsonNode account = validateStoredSession().or(this::loginWithStoredToken).orElseGet(this::signIn);
        MfaState state = MfaState.of(account);
        if (state.requires2fa()) {
            account = twoFactor(mfa);
        } else if (state.requires2sa()) {
            account = twoStep(mfa, account);
        }
        AccountSession result = toAccountSession(account);
        LOG.info("Signed in as {} (trust {})", username,
                result.trustExpiresAt().map(t -> "expires " + t).orElse("expiry unknown"));
        return result;
    }

    private Optional<JsonNode> validateStoredSession() {
        if (session.get(SessionKey.SESSION_TOKEN).isEmpty()) {
            return Optional.empty();
        }
        try {
            ApiResponse r = requests.setup("POST", "validate", "null", null).orThrow();
            if (r.json().has("dsInfo")) {
                LOG.debug("Stored session is still valid");
                return Optional.of(r.json());
            }
        } catch (ServiceUnavailableException e) {
            throw e;
        } catch (ICloudException e) {
            LOG.debug("Stored session is no longer valid ({}); signing in", e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * When the web session is gone but the stored idmsa session token may still be good, trade it for a new web
     * session (accountLogin with the session and trust tokens) before any SRP: every SRP handshake after Apple
     * throttled (503/429) lengthens the lock-out, and this needs no password (kei signs in the same way).
     */
    private Optional<JsonNode> loginWithStoredToken() {
        if (session.get(SessionKey.SESSION_TOKEN).isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode account = accountLogin();
            if (MfaState.of(account).requires2sa()) {
                // a code is due: that needs a fresh sign-in, whose stored trust token may still spare the code
                LOG.debug("The stored session token signs in but Apple wants a code; signing in with the password");
                return Optional.empty();
            }
            LOG.debug("Signed in with the stored session token (no password needed)");
            return Optional.of(account);
        } catch (ServiceUnavailableException | DomainMismatchException e) {
            throw e;
        } catch (ICloudException e) {
            LOG.debug("The stored session token no longer signs in ({}); signing in with the password", e.getMessage());
            return Optional.empty();
        }
    }

    private JsonNode signIn() {
        String pw = password.get().orElseThrow(() -> new PasswordRequiredException(username));
        http.build(WebAppBuild.fetch(http)); // a stale build has failed sign-ins: the web app's current one
        srp(pw);
        return accountLogin();
    }

    private void srp(String pw) {
        BigInteger a = Srp.randomSecret(random);
        BigInteger publicA = Srp.publicA(a);
        ObjectNode init = requests.object().put("a", b64(Srp.min(publicA))).put("accountName", username);
        init.putArray("protocols").add("s2k").add("s2k_fo");
        ApiResponse initResponse = requests.idmsa("POST", "signin/init", init, true);
        if (initResponse.status() == 401) {
            throw new InvalidCredentialsException(username, 401, "srp-init");
        }
        JsonNode challenge = initResponse.orThrow().json();
        byte[] salt = Base64.getDecoder().decode(challenge.path("salt").asText());
        BigInteger publicB = Srp.integer(Base64.getDecoder().decode(challenge.path("b").asText()));
        if (publicB.mod(Srp.N).signum() == 0) {
            throw new ICloudServiceException("Apple sent an invalid SRP challenge; try again later", 200, "srp");
        }
        byte[] derived = Srp.derivePassword(pw, salt, challenge.path("iteration").asInt(),
                Srp.Protocol.fromWire(challenge.path("protocol").asText("s2k")));
        BigInteger x = Srp.x(salt, derived);
        BigInteger u = Srp.u(publicA, publicB);
        byte[] key = Srp.sessionKey(Srp.clientSecret(publicB, x, a, u));
        byte[] m1 = Srp.m1(username, salt, publicA, publicB, key);

        ObjectNode complete = requests.object().put("accountName", username)
                .put("c", challenge.path("c").asText()).put("m1", b64(m1))
                .put("m2", b64(Srp.m2(publicA, m1, key))).put("rememberMe", true);
        session.get(SessionKey.TRUST_TOKEN).ifPresentOrElse(
                t -> complete.putArray("trustTokens").add(t), () -> complete.putArray("trustTokens"));
        ApiResponse r = requests.idmsa("POST", "signin/complete?isRememberMeEnabled=true", complete, true);
        switch (r.status()) {
            case 200:
                return;
            case 409:
                if (r.json().has("fsaChallenge") || r.json().has("keyNames")) {
                    throw new SecurityKeyNotSupportedException(username, 409);
                }
                return; // password accepted, MFA decided from accountLogin
            case 412:
                requests.idmsa("POST", "repair/complete", requests.object(), false).orThrow();
                return;
            default:
                throw signInFailure(r);
        }
    }

    private ICloudException signInFailure(ApiResponse r) {
        JsonNode error = r.json().path("serviceErrors").path(0);
        String code = error.path("code").asText(null);
        String message = error.path("message").asText("").toLowerCase(Locale.ROOT);
        if ("-20209".equals(code) || message.contains("locked")) {
            return new AccountLockedException(username, r.status(), code);
        }
        if (AppSpecificPasswordException.CODE.equals(code)) {
            return new AppSpecificPasswordException(username, r.status());
        }
        if (r.status() == 401 || r.status() == 403) {
            return new InvalidCredentialsException(username, r.status(), code);
        }
        try {
            r.orThrow();
        } catch (ICloudException e) {
            return e;
        }
        return new ICloudServiceException("Sign-in failed with HTTP " + r.status(), r.status(), code);
    }

    private JsonNode accountLogin() {
        ObjectNode body = requests.object();
        session.get(SessionKey.ACCOUNT_COUNTRY).ifPresentOrElse(c -> body.put("accountCountryCode", c),
                () -> body.putNull("accountCountryCode"));
        body.put("dsWebAuthToken", session.get(SessionKey.SESSION_TOKEN).orElse(""))
                .put("extended_login", true)
                .put("trustToken", session.get(SessionKey.TRUST_TOKEN).orElse(""));
        ApiResponse r = requests.setup("POST", "accountLogin", body.toString(), null);
        JsonNode json;
        try {
            json = r.orThrow().json();
        } catch (ServiceUnavailableException e) {
            throw e;
        } catch (ICloudServiceException e) {
            throw new ICloudServiceException("Invalid authentication token: accountLogin failed (" + e.getMessage()
                    + "). Try again; if it keeps failing, delete the session in --cookie-directory and sign in"
                    + " afresh.", e.statusCode(), e.code().orElse(null));
        }
        if (json.hasNonNull("domainToUse")) {
            throw new DomainMismatchException(json.path("domainToUse").asText());
        }
        if (!json.has("dsInfo")) {
            throw new ICloudServiceException("Apple's accountLogin answer has no account data", r.status(), null);
        }
        return json;
    }

    private JsonNode twoFactor(MfaCodeProvider mfa) {
        LOG.info("Two-factor authentication is required (2fa)");
        new TwoFactorVerification(requests, username).verify(mfa);
        JsonNode account = accountLogin();
        if (MfaState.of(account).requires2sa()) {
            throw new MfaRequiredException(username, "Apple still asks for verification after the code");
        }
        LOG.info("Great, you're all set up. The script can now be run without user interaction until 2FA expires.");
        return account;
    }

    private JsonNode twoStep(MfaCodeProvider mfa, JsonNode account) {
        LOG.info("Two-step authentication is required (2sa)");
        new TwoStepVerification(requests, username).verify(mfa, account.path("dsInfo").path("dsid").asText());
        JsonNode result = accountLogin();
        LOG.info("Great, you're all set up. The script can now be run without user interaction until 2SA expires.");
        return result;
    }

    private AccountSession toAccountSession(JsonNode account) {
        JsonNode ds = account.path("dsInfo");
        Map<String, String> services = new HashMap<>();
        account.path("webservices").fields().forEachRemaining(e -> {
            if (e.getValue().hasNonNull("url")) {
                services.put(e.getKey(), e.getValue().path("url").asText());
            }
        });
        return new AccountSession(username, ds.path("dsid").asText(), ds.path("appleId").asText(username),
                ds.path("fullName").asText(""), services, trustExpiry());
    }

    /** The latest expiry among the HSA trust cookies (icloud-protocol.md §12). */
    private Optional<Instant> trustExpiry() {
        return session.cookies(clock.millis(), c -> c.name().startsWith("X-APPLE-WEBAUTH-HSA-TRUST"))
                .stream().map(StoredCookie::expiresAt).filter(t -> t != Long.MAX_VALUE)
                .max(Long::compare).map(Instant::ofEpochMilli);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Apple's MFA predicates, evaluated on accountLogin/validate data (icloud-protocol.md §5.1). */
    record MfaState(boolean requires2sa, boolean requires2fa) {
        static MfaState of(JsonNode account) {
            boolean trusted = account.path("hsaTrustedBrowser").asBoolean(false);
            boolean challenge = account.path("hsaChallengeRequired").asBoolean(false);
            int hsa = account.path("dsInfo").path("hsaVersion").asInt(0);
            boolean needs = challenge || !trusted;
            boolean qualifying = account.path("dsInfo").path("hasICloudQualifyingDevice").asBoolean(false);
            return new MfaState(hsa >= 1 && needs, hsa == 2 && needs && qualifying);
        }
    }
}
