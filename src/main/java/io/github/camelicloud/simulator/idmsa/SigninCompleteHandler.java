package io.github.camelicloud.simulator.idmsa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.SrpHandshake;
import io.github.camelicloud.simulator.state.TrustGrant;
import io.github.camelicloud.srp.Srp;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A2 {@code POST /appleauth/auth/signin/complete}: checks M1 against the verifier, then answers by account
 * kind: 409 (MFA needed), 200 (trusted), 412 (non-2FA, repair first), 401 (wrong password), 403 (locked).
 */
final class SigninCompleteHandler implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(SigninCompleteHandler.class);

    private final SimulatorState state;

    SigninCompleteHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        JsonNode body = request.json();
        Optional<SrpHandshake> found = state.handshakes().take(Json.text(body, "c"), state.now());
        String scnt = found.map(SrpHandshake::scnt).orElseGet(() -> IdmsaResponses.newScnt(state));
        if (found.isEmpty() || found.get().account() == null) {
            return wrongCredentials(scnt);
        }
        SrpHandshake handshake = found.get();
        AccountState account = handshake.account();
        if (account.has(AccountFlag.LOCKED)) {
            LOG.info("Sign-in refused for {}: account is locked", account.email());
            return IdmsaResponses.decorate(IdmsaResponses.serviceError(403, IdmsaResponses.LOCKED_CODE,
                    IdmsaResponses.LOCKED_MESSAGE), state, scnt);
        }
        if (!proofMatches(handshake, Json.text(body, "m1"))) {
            if (account.has(AccountFlag.APP_PASSWORD)) {
                // icloudpd #1342: an app-specific password fails the proof with -20283, not -20101
                LOG.info("Sign-in refused for {}: an app-specific password", account.email());
                return IdmsaResponses.decorate(IdmsaResponses.serviceError(401, IdmsaResponses.APP_PASSWORD_CODE,
                        IdmsaResponses.WRONG_CREDENTIALS_MESSAGE), state, scnt);
            }
            LOG.info("Sign-in refused for {}: wrong password", account.email());
            return wrongCredentials(scnt);
        }

        AuthSession session = state.authSessions().create(account, scnt, state.now());
        boolean trusted = presentTrust(body.get("trustTokens"), session);
        LOG.info("Password accepted for {} ({}, trusted={})", account.email(), account.account().flagsText(), trusted);
        Response answer = IdmsaResponses.withSession(answer(account, trusted), state, request, session)
                .withHeader("Location", "/auth");
        // Apple repeats "MFA needed" in X-Apple-I-Rscd (the icloudpd session fixture stores apple_rscd 409).
        return answer.status() == 409 ? answer.withHeader("X-Apple-I-Rscd", "409") : answer;
    }

    private Response answer(AccountState account, boolean trusted) {
        switch (account.account().signInMode()) {
            case NO_MFA:
                return account.repaired() ? Response.json(200, Response.IDMSA_JSON, Json.object().put("authType", "sa"))
                        : Response.json(412, Response.IDMSA_JSON, Json.object().put("auth_type", "sa"));
            case TWO_SA:
                // hsaVersion 1: the second step happens on setup (listDevices...), decided from accountLogin.
                return Response.json(409, Response.IDMSA_JSON, Json.object().put("authType", "hsa"));
            default:
                if (trusted) {
                    return Response.json(200, Response.IDMSA_JSON, Json.object().put("authType", "hsa2"));
                }
                ObjectNode challenge = Json.object();
                challenge.putArray("trustedDevices");
                challenge.put("authType", "hsa2");
                if (account.has(AccountFlag.FIDO)) {
                    addSecurityKeyChallenge(challenge);
                }
                return Response.json(409, Response.IDMSA_JSON, challenge);
        }
    }

    /** The §5.6 signal: a WebAuthn assertion request the simulator never accepts (no key to answer it). */
    private void addSecurityKeyChallenge(ObjectNode challenge) {
        ObjectNode fsa = challenge.putObject("fsaChallenge");
        fsa.put("challenge", state.tokens().base64Url(32));
        fsa.putArray("keyHandles").add(state.tokens().base64Url(64));
        fsa.put("rpId", "apple.com");
        challenge.putArray("keyNames").add("YubiKey 5C NFC");
    }

    /** Applies the first still-valid trust token of this account, as Apple skips MFA for a trusted browser. */
    private boolean presentTrust(JsonNode trustTokens, AuthSession session) {
        if (trustTokens == null || !trustTokens.isArray()) {
            return false;
        }
        for (JsonNode token : trustTokens) {
            Optional<TrustGrant> grant = state.trustGrants().valid(token.asText(), session.account(), state.now());
            if (grant.isPresent()) {
                session.trustUntil(grant.get().expiresAt());
                return true;
            }
        }
        return false;
    }

    private static boolean proofMatches(SrpHandshake handshake, String m1Base64) {
        if (m1Base64 == null) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(m1Base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        BigInteger verifier = handshake.account().srp().verifier(handshake.protocol());
        BigInteger u = Srp.u(handshake.publicA(), handshake.publicB());
        byte[] key = Srp.sessionKey(Srp.serverSecret(handshake.publicA(), verifier, u, handshake.secretB()));
        byte[] expected = Srp.m1(handshake.accountName(), handshake.salt(), handshake.publicA(), handshake.publicB(),
                key);
        return MessageDigest.isEqual(expected, claimed);
    }

    private Response wrongCredentials(String scnt) {
        return IdmsaResponses.decorate(IdmsaResponses.serviceError(401, IdmsaResponses.WRONG_CREDENTIALS_CODE,
                IdmsaResponses.WRONG_CREDENTIALS_MESSAGE), state, scnt);
    }
}
