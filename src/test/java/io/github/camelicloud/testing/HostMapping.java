package io.github.camelicloud.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps recorded Apple URLs onto the single replay server and back.
 *
 * <p>The client is configured with one base URL. Auth (idmsa) and setup hosts are the client's
 * fixed roots, so they map to {@code BASE + original path}. Every other host is only ever learnt
 * from response bodies (CloudKit root from {@code webservices}, download hosts from records), so
 * it becomes {@code BASE/_host/<host>/<original path>} and the server rewrites bodies accordingly.
 */
final class HostMapping {

    static final String HOST_PREFIX = "/_host/";

    /** Hosts the client reaches through its configured base URL (paths kept as is). */
    private static final Set<String> ROOT_HOSTS =
            Set.of("idmsa.apple.com", "idmsa.apple.com.cn", "setup.icloud.com", "setup.icloud.com.cn");

    /** An absolute https URL's scheme + authority, e.g. {@code https://p61-ckdatabasews.icloud.com:443}. */
    private static final Pattern HTTPS_ORIGIN = Pattern.compile("https://([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::(\\d+))?");

    private HostMapping() {
    }

    /** Parts of a recorded absolute URL. {@code query} is null when there is none. */
    record Url(String host, String path, String query) {
        static Url parse(String absolute) {
            Matcher m = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)([^?#]*)(?:\\?([^#]*))?").matcher(absolute);
            if (!m.find()) {
                throw new IllegalArgumentException("not an absolute URL: " + absolute);
            }
            String path = m.group(2).isEmpty() ? "/" : m.group(2);
            return new Url(hostKey(m.group(1)), path, m.group(3));
        }
    }

    /** Lower-cased host, with the default https port dropped ({@code host:443} and {@code host} are one host). */
    static String hostKey(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        return a.endsWith(":443") ? a.substring(0, a.length() - 4) : a;
    }

    static boolean isRootHost(String hostKey) {
        return ROOT_HOSTS.contains(hostKey);
    }

    /** Path on the replay server that stands for the recorded {@code host} + {@code path} (raw, not decoded). */
    static String localPath(String hostKey, String path) {
        return isRootHost(hostKey) ? path : HOST_PREFIX + hostKey + path;
    }

    /**
     * Canonical form of a path on the replay server, for matching: percent-decoded, and the host
     * segment of {@code /_host/<host>/...} lower-cased with a {@code :443} suffix dropped.
     */
    static String normalizeLocalPath(String rawPath) {
        String path = decodePath(rawPath);
        if (!path.startsWith(HOST_PREFIX)) {
            return path;
        }
        int slash = path.indexOf('/', HOST_PREFIX.length());
        String host = slash < 0 ? path.substring(HOST_PREFIX.length()) : path.substring(HOST_PREFIX.length(), slash);
        String rest = slash < 0 ? "/" : path.substring(slash);
        return HOST_PREFIX + hostKey(host) + rest;
    }

    /** Rewrites every {@code https://host[:port]} origin in a text body to the replay server's form. */
    static String rewriteOrigins(String text, String baseUrl) {
        Matcher m = HTTPS_ORIGIN.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String host = hostKey(m.group(1) + (m.group(2) == null ? "" : ":" + m.group(2)));
            String replacement = isRootHost(host) ? baseUrl : baseUrl + HOST_PREFIX + host;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Percent-decodes a path so that recorded {@code $%7Bf%7D}, a client's {@code $%7Bf%7D} or
     * {@code %24%7Bf%7D}, and a literal {@code ${f}} compare equal. Unlike URLDecoder, '+' stays '+'.
     */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                run.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            flush(run, out);
            out.append(c);
        }
        flush(run, out);
        return out.toString();
    }

    /** Consecutive %XX bytes form one UTF-8 sequence. */
    private static void flush(ByteArrayOutputStream run, StringBuilder out) {
        if (run.size() > 0) {
            out.append(run.toString(StandardCharsets.UTF_8));
            run.reset();
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
