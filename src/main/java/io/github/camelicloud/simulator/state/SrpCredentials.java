package io.github.camelicloud.simulator.state;

import io.github.camelicloud.simulator.SimulatorAccount;
import io.github.camelicloud.srp.Srp;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the server stores instead of a password: salt, iteration count, preferred pre-hash protocol and a
 * verifier per protocol (a client that offers only the other protocol can still sign in).
 */
public final class SrpCredentials {

    private final byte[] salt;
    private final int iterations;
    private final Srp.Protocol preferred;
    private final Map<Srp.Protocol, BigInteger> verifiers;

    private SrpCredentials(byte[] salt, int iterations, Srp.Protocol preferred, Map<Srp.Protocol, BigInteger> verifiers) {
        this.salt = salt.clone();
        this.iterations = iterations;
        this.preferred = preferred;
        this.verifiers = Map.copyOf(verifiers);
    }

    /** A random 16-byte salt (zero first byte when the account asks for it) and both verifiers. */
    public static SrpCredentials create(SimulatorAccount account, int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        if (account.zeroLeadingSalt()) {
            salt[0] = 0;
        } else if (salt[0] == 0) {
            salt[0] = 1;
        }
        Map<Srp.Protocol, BigInteger> verifiers = new EnumMap<>(Srp.Protocol.class);
        for (Srp.Protocol protocol : Srp.Protocol.values()) {
            byte[] derived = Srp.derivePassword(account.password(), salt, iterations, protocol);
            verifiers.put(protocol, Srp.verifier(Srp.x(salt, derived)));
        }
        return new SrpCredentials(salt, iterations, account.srpProtocol(), verifiers);
    }

    public byte[] salt() {
        return salt.clone();
    }

    public int iterations() {
        return iterations;
    }

    public Srp.Protocol preferred() {
        return preferred;
    }

    public BigInteger verifier(Srp.Protocol protocol) {
        return verifiers.get(protocol);
    }

    @Override
    public String toString() {
        return "SrpCredentials[iterations=" + iterations + ", protocol=" + preferred.wireName() + "]";
    }
}
