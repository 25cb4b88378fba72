package io.github.camelicloud.simulator.idmsa;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.SrpHandshake;
import io.github.camelicloud.srp.Srp;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A1 {@code POST /appleauth/auth/signin/init}: SRP step 1. Answers salt, iterations, protocol, B and the
 * exchange handle {@code c}. Unknown accounts get a plausible challenge too (Apple does not reveal which
 * accounts exist here; failed_auth fails only at complete).
 */
final class SigninInitHandler implements Handler {

    private final SimulatorState state;

    SigninInitHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        JsonNode body = request.json();
        String accountName = Json.text(body, "accountName");
        Optional<BigInteger> publicA = decodeA(Json.text(body, "a"));
        String scnt = IdmsaResponses.newScnt(state);
        if (accountName == null || accountName.isBlank() || publicA.isEmpty()) {
            return IdmsaResponses.decorate(IdmsaResponses.serviceError(400, IdmsaResponses.WRONG_CREDENTIALS_CODE,
                    IdmsaResponses.WRONG_CREDENTIALS_MESSAGE), state, scnt);
        }
        Optional<AccountState> account = state.accounts().find(accountName);
        Srp.Protocol protocol = chooseProtocol(account.map(a -> a.srp().preferred()).orElse(Srp.Protocol.S2K),
                body.get("protocols"));
        byte[] salt = account.map(a -> a.srp().salt()).orElseGet(() -> decoySalt(accountName));
        int iterations = account.map(a -> a.srp().iterations()).orElse(state.config().srpIterations());
        BigInteger verifier = account.map(a -> a.srp().verifier(protocol))
                .orElseGet(() -> Srp.verifier(Srp.randomSecret(state.tokens().random())));

        BigInteger secretB;
        BigInteger publicB;
        do {
            secretB = Srp.randomSecret(state.tokens().random());
            publicB = Srp.publicB(verifier, secretB);
        } while (publicB.signum() == 0);

        String c = "d-" + (100 + state.tokens().random().nextInt(900)) + "-" + state.tokens().uuid() + ":MSA";
        state.handshakes().put(c, new SrpHandshake(accountName, account.orElse(null), salt, protocol, publicA.get(),
                secretB, publicB, scnt, state.now()));

        var answer = Json.object().put("iteration", iterations)
                .put("salt", Base64.getEncoder().encodeToString(salt))
                .put("protocol", protocol.wireName()).put("version", 1)
                .put("b", Base64.getEncoder().encodeToString(Srp.min(publicB))).put("c", c);
        // Apple labels this JSON text/html (see the cassettes); clients must parse it regardless.
        return IdmsaResponses.decorate(Response.json(200, Response.IDMSA_HTML, answer), state, scnt);
    }

    /** The account's protocol if the client offers it (or offers nothing), else the one it does offer. */
    static Srp.Protocol chooseProtocol(Srp.Protocol preferred, JsonNode offered) {
        if (offered == null || !offered.isArray() || offered.isEmpty()) {
            return preferred;
        }
        List<Srp.Protocol> accepted = new ArrayList<>();
        for (JsonNode item : offered) {
            Arrays.stream(Srp.Protocol.values()).filter(p -> p.wireName().equals(item.asText())).forEach(accepted::add);
        }
        return accepted.isEmpty() || accepted.contains(preferred) ? preferred : accepted.get(0);
    }

    private static Optional<BigInteger> decodeA(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigInteger a = new BigInteger(1, Base64.getDecoder().decode(base64));
            // SRP-6a safety check: A ≡ 0 (mod N) would let anyone compute the session key.
            return a.mod(Srp.N).signum() == 0 ? Optional.empty() : Optional.of(a);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] decoySalt(String accountName) {
        byte[] hash = Srp.sha256(("decoy-salt:" + accountName.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(hash, 16);
    }
}
