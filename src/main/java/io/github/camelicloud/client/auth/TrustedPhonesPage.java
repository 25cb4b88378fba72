package io.github.camelicloud.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the trusted phone numbers from Apple's HSA2 page: the JSON in its {@code boot_args} script,
 * at the 2026 location ({@code twoSV.bridgeInitiateData...}) or the older one (icloud-protocol.md §5.2, §11).
 */
final class TrustedPhonesPage {

    private static final Pattern BOOT_ARGS = Pattern.compile(
            "<script[^>]*class=\"boot_args\"[^>]*>(.*?)</script>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrustedPhonesPage() {
    }

    static List<TrustedPhone> parse(String html) {
        Matcher m = BOOT_ARGS.matcher(html);
        if (!m.find()) {
            return List.of();
        }
        JsonNode twoSv;
        try {
            twoSv = JSON.readTree(m.group(1)).path("direct").path("twoSV");
        } catch (Exception e) {
            return List.of();
        }
        JsonNode phones = twoSv.path("bridgeInitiateData").path("phoneNumberVerification").path("trustedPhoneNumbers");
        if (!phones.isArray()) {
            phones = twoSv.path("phoneNumberVerification").path("trustedPhoneNumbers");
        }
        List<TrustedPhone> result = new ArrayList<>();
        for (JsonNode p : phones) {
            if (p.hasNonNull("id") && p.hasNonNull("obfuscatedNumber")) {
                result.add(new TrustedPhone(p.path("id").asLong(),
                        p.path("obfuscatedNumber").asText().replace('\u2022', '*'), p.path("pushMode").asText("sms")));
            }
        }
        return List.copyOf(result);
    }
}
