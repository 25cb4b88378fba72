package io.github.camelicloud.simulator.content;

import io.github.camelicloud.simulator.library.AssetVersion;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed download URLs in Apple's template (§6.11):
 * {@code <base>/B/<fileChecksum><referenceChecksum>/${f}?o=..&v=1&x=3&a=..&e=<expiry>&k=<wrappingKey>&fl=&r=..
 * &ckc=com.apple.photos.cloud&ckz=<zone>&y=1&p=10&s=<signature>}, all base64 URL-safe. The signature covers
 * the token, the expiry and the zone with a key made at start-up, so a URL is a credential of this simulator
 * run only, and stretching {@code e} by hand gets a 403 rather than a longer life.
 */
public final class DownloadUrls {

    /** Apple's URLs were seen to expire about an hour after the listing (§6.11, §13 3.1). */
    public static final Duration LIFETIME = Duration.ofHours(1);
    public static final String PATH_PREFIX = "/B/";

    /** What a presented URL is worth. */
    public enum Check {
        VALID, EXPIRED, FORGED
    }

    private final byte[] key;

    public DownloadUrls(SecureRandom random) {
        key = new byte[32];
        random.nextBytes(key);
    }

    public String url(String baseUrl, AssetVersion version, String zoneName, Instant issued) {
        String token = version.downloadToken();
        long expiry = issued.plus(LIFETIME).getEpochSecond();
        String requestId = UUID.nameUUIDFromBytes(mac("r|" + token)).toString();
        return baseUrl + PATH_PREFIX + token + "/${f}?o=A" + b64(mac("o|" + token), 43) + "&v=1&x=3&a=B"
                + b64(mac("a|" + token), 42) + "&e=" + expiry + "&k=" + urlSafe(version.wrappingKey()) + "&fl=&r="
                + requestId + "-1&ckc=com.apple.photos.cloud&ckz=" + zoneName + "&y=1&p=10&s="
                + signature(token, expiry, zoneName);
    }

    public Check check(String token, Map<String, String> query, Instant now) {
        long expiry;
        try {
            expiry = Long.parseLong(query.getOrDefault("e", ""));
        } catch (NumberFormatException e) {
            return Check.FORGED;
        }
        String expected = signature(token, expiry, query.getOrDefault("ckz", ""));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                query.getOrDefault("s", "").getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        return now.getEpochSecond() > expiry ? Check.EXPIRED : Check.VALID;
    }

    private String signature(String token, long expiry, String zoneName) {
        return b64(mac("s|" + token + "|" + expiry + "|" + zoneName), 27);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] first = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] second = mac.doFinal(first);
            byte[] both = Arrays.copyOf(first, 64);
            System.arraycopy(second, 0, both, 32, 32);
            return both;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static String b64(byte[] bytes, int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }

    private static String urlSafe(String base64) {
        return base64.replace('+', '-').replace('/', '_').replace("=", "");
    }
}
