package io.github.camelicloud.simulator.network;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulated network between client and Apple costs (docs/simulator-fidelity.md says where the numbers come
 * from): {@code latency}, the round trip every request waits before its answer starts (a new connection waits
 * {@link #HANDSHAKE_ROUND_TRIPS} more: TCP, and TLS on HTTPS); {@code perConnection}, the most one connection
 * carries (bytes/s, 0 = no cap); {@code link}, the most all connections together carry (bytes/s, 0 = no cap).
 */
public record NetworkProfile(String name, Duration latency, long perConnection, long link) {

    /** Round trips before a new connection's first request: TCP's handshake, plus TLS 1.3's on HTTPS. */
    public static final int HANDSHAKE_ROUND_TRIPS = 1;
    public static final int TLS_HANDSHAKE_ROUND_TRIPS = 1;

    /** No model at all: loopback speed (the default, and what tests use). */
    public static final NetworkProfile NONE = new NetworkProfile("none", Duration.ZERO, 0, 0);

    private static final Map<String, NetworkProfile> NAMED = new LinkedHashMap<>();

    static {
        NAMED.put("none", NONE);
        // A gigabit home or office network next to the server.
        NAMED.put("lan", new NetworkProfile("lan", Duration.ofMillis(1), 0, mbit(1000)));
        // Users' reports: ~40 Mbit/s on one connection whatever the line, 100 Mbit/s lines, ~100 ms per API call.
        NAMED.put("broadband", new NetworkProfile("broadband", Duration.ofMillis(100), mbit(40), mbit(100)));
        // A slow DSL line or a far region: 20 Mbit/s in all, 8 Mbit/s per connection, 250 ms per call.
        NAMED.put("slow", new NetworkProfile("slow", Duration.ofMillis(250), mbit(8), mbit(20)));
    }

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(kbit|mbit|gbit|k|m|g|b)?",
            Pattern.CASE_INSENSITIVE);

    public NetworkProfile {
        if (latency.isNegative() || perConnection < 0 || link < 0) {
            throw new IllegalArgumentException("network latency and rates must not be negative");
        }
    }

    /** Whether anything is shaped at all. */
    public boolean shapes() {
        return !latency.isZero() || perConnection > 0 || link > 0;
    }

    /**
     * {@code lan}, {@code broadband}, {@code slow}, {@code none}, or
     * {@code custom:latency-ms=N,per-connection=RATE,link=RATE} (RATE: {@code 40mbit}, {@code 5M} bytes/s, 0 = no cap;
     * missing keys: 0).
     */
    public static NetworkProfile parse(String spec) {
        String text = spec.trim().toLowerCase(Locale.ROOT);
        NetworkProfile named = NAMED.get(text);
        if (named != null) {
            return named;
        }
        if (!text.startsWith("custom:") && !text.equals("custom")) {
            throw new IllegalArgumentException("unknown network profile '" + spec + "' (expected "
                    + String.join(", ", NAMED.keySet()) + " or custom:latency-ms=N,per-connection=RATE,link=RATE)");
        }
        long latencyMs = 0;
        long perConnection = 0;
        long link = 0;
        String keys = text.length() > "custom:".length() ? text.substring("custom:".length()) : "";
        for (String pair : keys.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected KEY=VALUE in the custom network profile, got '" + pair + "'");
            }
            String value = kv[1].trim();
            switch (kv[0].trim()) {
                case "latency-ms" -> latencyMs = wholeNumber(value);
                case "per-connection" -> perConnection = rate(value);
                case "link" -> link = rate(value);
                default -> throw new IllegalArgumentException("unknown key '" + kv[0].trim()
                        + "' in the custom network profile (expected latency-ms, per-connection, link)");
            }
        }
        return new NetworkProfile("custom", Duration.ofMillis(latencyMs), perConnection, link);
    }

    /** {@code 40mbit}, {@code 2.5gbit}, {@code 500kbit} (powers of 1000, bits); {@code 5M}, {@code 300K}, {@code 1000} bytes/s. */
    static long rate(String value) {
        Matcher m = RATE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a rate: '" + value + "' (expected e.g. 40mbit, 5M or 0)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        double bytes = switch (unit) {
            case "kbit" -> n * 1e3 / 8;
            case "mbit" -> n * 1e6 / 8;
            case "gbit" -> n * 1e9 / 8;
            case "k" -> n * 1024;
            case "m" -> n * 1024 * 1024;
            case "g" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
        return Math.round(bytes);
    }

    private static long wholeNumber(String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latency-ms must be a whole number of milliseconds >= 0, got '" + value + "'");
        }
    }

    private static long mbit(long megabits) {
        return megabits * 1_000_000 / 8;
    }

    /** One line for banners and logs. */
    public String describe() {
        if (!shapes()) {
            return name + " (loopback speed)";
        }
        return name + ": " + latency.toMillis() + " ms per request, " + rateText(perConnection) + " per connection, "
                + rateText(link) + " in all";
    }

    private static String rateText(long bytesPerSecond) {
        return bytesPerSecond == 0 ? "no cap" : String.format(Locale.ROOT, "%.1f Mbit/s", bytesPerSecond * 8 / 1e6);
    }
}
