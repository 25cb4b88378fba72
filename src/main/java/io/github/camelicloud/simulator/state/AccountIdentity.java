package io.github.camelicloud.simulator.state;

import io.github.camelicloud.simulator.SimulatorAccount;
import io.github.camelicloud.srp.Srp;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Everything about an account that Apple derives from who it is: ids, names, phones. Deterministic from
 * the email, so a restarted simulator gives the same dsid and zone owner.
 *
 * @param dsid            11-digit directory services id
 * @param ownerRecordName CloudKit zone owner, {@code _} + 32 hex digits
 * @param cookieId        the upper-case base32 suffix of per-account cookie names
 */
public record AccountIdentity(String dsid, String firstName, String lastName, String ownerRecordName,
        String cookieId, String aDsId, List<TrustedPhone> phones) {

    public AccountIdentity {
        phones = List.copyOf(phones);
    }

    public static AccountIdentity of(SimulatorAccount account) {
        byte[] hash = Srp.sha256(("identity:" + account.email().toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8));
        String dsid = String.valueOf(10_000_000_000L
                + new BigInteger(1, hash).mod(BigInteger.valueOf(89_999_999_999L)).longValue());
        String local = account.email().contains("@") ? account.email().substring(0, account.email().indexOf('@'))
                : account.email();
        String first = local.isEmpty() ? "Demo" : capitalise(local.split("[._+-]")[0]);
        String hex = HexFormat.of().formatHex(hash);
        String aDsId = "001234-10-" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16)
                + "-" + hex.substring(16, 20) + "-" + hex.substring(20, 32);
        List<TrustedPhone> phones = List.of(new TrustedPhone(1, twoDigits(hash[20])),
                new TrustedPhone(2, twoDigits(hash[21])));
        return new AccountIdentity(dsid, first, "User", "_" + hex.substring(32, 64), base32(hash, 16), aDsId, phones);
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? "Demo" : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String twoDigits(byte b) {
        return String.format(Locale.ROOT, "%02d", (b & 0xff) % 100);
    }

    /** RFC 4648 base32 without padding of the first {@code length} bytes (Apple's X_APPLE_WEB_KB-<id> style). */
    private static String base32(byte[] bytes, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < length; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
