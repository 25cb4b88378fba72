package io.github.camelicloud.client.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an icloudpd session: the {@code <name>.session} JSON and the {@code <name>} cookie jar in
 * Python's LWP format ({@code #LWP-Cookies-2.0}, one {@code Set-Cookie3:} line per cookie).
 * Read-only: icloudpd's files are never modified.
 */
final class IcloudpdSession {

    private static final Logger LOG = LoggerFactory.getLogger(IcloudpdSession.class);
    private static final DateTimeFormatter LWP_EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private IcloudpdSession() {
    }

    static StoredSession read(Path directory, String stem) {
        Path sessionFile = directory.resolve(stem + ".session");
        Path cookieFile = directory.resolve(stem);
        if (!Files.isRegularFile(sessionFile) && !Files.isRegularFile(cookieFile)) {
            return StoredSession.EMPTY;
        }
        try {
            Map<SessionKey, String> values = Files.isRegularFile(sessionFile)
                    ? readValues(sessionFile) : Map.of();
            List<StoredCookie> cookies = Files.isRegularFile(cookieFile)
                    ? parseLwp(Files.readAllLines(cookieFile, StandardCharsets.UTF_8)) : List.of();
            return new StoredSession(values, cookies);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the unreadable icloudpd session in {} ({})", directory, e.getMessage());
            return StoredSession.EMPTY;
        }
    }

    private static Map<SessionKey, String> readValues(Path sessionFile) throws IOException {
        JsonNode root = new ObjectMapper().readTree(sessionFile.toFile());
        Map<SessionKey, String> values = new EnumMap<>(SessionKey.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                SessionKey.fromFileKey(e.getKey()).ifPresent(k -> values.put(k, e.getValue().asText()));
            }
        }
        return values;
    }

    static List<StoredCookie> parseLwp(List<String> lines) {
        List<StoredCookie> cookies = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Set-Cookie3:")) {
                cookies.add(toCookie(attributes(line.substring("Set-Cookie3:".length()))));
            }
        }
        return cookies;
    }

    private static StoredCookie toCookie(Map<String, String> attrs) {
        Iterator<Map.Entry<String, String>> it = attrs.entrySet().iterator();
        Map.Entry<String, String> nameValue = it.next();
        String domain = attrs.getOrDefault("domain", "");
        boolean domainCookie = domain.startsWith(".") || attrs.containsKey("domain_dot");
        String bareDomain = domain.startsWith(".") ? domain.substring(1) : domain;
        long expiresAt = Long.MAX_VALUE;
        String expires = attrs.get("expires");
        if (expires != null) {
            try {
                expiresAt = LocalDateTime.parse(expires, LWP_EXPIRES).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                LOG.debug("Keeping cookie {} without its unparseable expiry", nameValue.getKey());
            }
        }
        return new StoredCookie(nameValue.getKey(), nameValue.getValue(), bareDomain.toLowerCase(Locale.ROOT),
                !domainCookie, attrs.getOrDefault("path", "/"), attrs.containsKey("secure"),
                attrs.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("httponly")), expiresAt);
    }

    /** Splits {@code a="x"; b; c=y} into an ordered map, unquoting {@code "..."} with backslash escapes. */
    private static Map<String, String> attributes(String text) {
        Map<String, String> attrs = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == ';')) {
                i++;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ';') {
                i++;
            }
            String key = text.substring(keyStart, i).trim();
            String value = "";
            if (i < n && text.charAt(i) == '=') {
                i++;
                StringBuilder v = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (i < n && text.charAt(i) != '"') {
                        if (text.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        v.append(text.charAt(i++));
                    }
                    i++;
                } else {
                    while (i < n && text.charAt(i) != ';') {
                        v.append(text.charAt(i++));
                    }
                }
                value = v.toString().trim();
            }
            if (!key.isEmpty()) {
                attrs.putIfAbsent(attrs.isEmpty() ? key : key.toLowerCase(Locale.ROOT), value);
            }
        }
        return attrs;
    }
}
