package io.github.camelicloud.simulator.state;

import io.github.camelicloud.srp.Srp;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The server half of an SRP exchange between signin/init and signin/complete, keyed by {@code c}.
 *
 * @param accountName the name exactly as sent to init (it enters M1)
 * @param account     null for an unknown account: init still answers, complete always fails
 * @param salt        the salt sent to the client
 * @param protocol    the protocol chosen
 * @param publicA     the client's A
 * @param secretB     our b
 * @param publicB     our B
 * @param scnt        the scnt sent with init; the session adopts it
 */
public record SrpHandshake(String accountName, AccountState account, byte[] salt, Srp.Protocol protocol,
        BigInteger publicA, BigInteger secretB, BigInteger publicB, String scnt, Instant createdAt) {

    public SrpHandshake {
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public String toString() {
        return "SrpHandshake[accountName=" + accountName + ", protocol=" + protocol.wireName() + "]";
    }
}
