package io.github.camelicloud.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * An injected failure for the next {@code count} requests matching method and path. The {@link Kind} says what
 * goes wrong: an HTTP status with a realistic body instead of the normal answer (503: text/html "Service
 * Temporary Unavailable"; 429: CloudKit THROTTLED JSON; others: a CloudKit-style error JSON), or a broken
 * transfer of the normal answer (connection dropped mid-body, body shorter than its Content-Length, a body that
 * stalls, a slow answer), or every session expiring just before the request is handled.
 *
 * @param method     HTTP method, or {@code *} for any
 * @param path       exact request path, or a prefix ending in {@code *}
 * @param status     the HTTP status to answer ({@link Kind#STATUS} only; 0 for the other kinds)
 * @param count      how many matching requests fail (at least 1)
 * @param retryAfter sent as a {@code Retry-After} header (whole seconds) when not null
 * @param kind       what goes wrong
 * @param delay      how long a {@link Kind#SLOW} answer waits, or a {@link Kind#STALL}ed body hangs
 * @param cutAfter   where a {@link Kind#RESET} or {@link Kind#STALL} breaks the body, in bytes of that answer
 *                   (0: half way); an answer no longer than that goes through whole. A CDN that cuts every
 *                   long transfer is {@code reset} with a large count and {@code after=500M}
 */
public record Fault(String method, String path, int status, int count, Duration retryAfter, Kind kind,
        Duration delay, long cutAfter) {

    /** What goes wrong; the wire names are those of {@code --fault} and of the {@code /_simulator/faults} JSON. */
    public enum Kind {
        /** An error status instead of the answer. */
        STATUS("status"),
        /** Half the body is sent, then the connection is dropped. */
        RESET("reset"),
        /** All but the last bytes of the body are sent: the Content-Length promised more, then the connection ends. */
        TRUNCATE("truncate"),
        /** Half the body is sent, then nothing for {@code delay}: the client's read timeout must fire. */
        STALL("stall"),
        /** The answer comes after {@code delay}. */
        SLOW("slow"),
        /** Every session expires just before the request is handled (CloudKit answers 421, as Apple does). */
        EXPIRE_SESSION("expire-session");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** A wire name, or an HTTP status (which means {@link #STATUS}). */
        public static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.wireName.equalsIgnoreCase(text.trim())) {
                    return kind;
                }
            }
            if (text.trim().matches("\\d{3}")) {
                return STATUS;
            }
            throw new IllegalArgumentException("unknown fault type '" + text + "': use an HTTP status (503, 429, 410,"
                    + " 421...) or one of reset, truncate, stall, slow, expire-session");
        }
    }

    /** A stalled body hangs this long unless told otherwise: longer than any sane read timeout in a test. */
    public static final Duration DEFAULT_STALL = Duration.ofSeconds(30);

    public Fault {
        method = Objects.requireNonNullElse(method, "*").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        kind = Objects.requireNonNullElse(kind, Kind.STATUS);
        if (kind == Kind.STATUS && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("fault status must be an HTTP status, got " + status);
        }
        if (count < 1) {
            throw new IllegalArgumentException("fault count must be at least 1, got " + count);
        }
        if (delay == null) {
            delay = kind == Kind.STALL ? DEFAULT_STALL : kind == Kind.SLOW ? Duration.ofSeconds(1) : Duration.ZERO;
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("fault delay must not be negative, got " + delay);
        }
        if (cutAfter < 0) {
            throw new IllegalArgumentException("fault cut point must not be negative, got " + cutAfter);
        }
    }

    public Fault(String method, String path, int status, int count, Duration retryAfter, Kind kind, Duration delay) {
        this(method, path, status, count, retryAfter, kind, delay, 0);
    }

    /** A status fault, as before kinds existed. */
    public Fault(String method, String path, int status, int count, Duration retryAfter) {
        this(method, path, status, count, retryAfter, Kind.STATUS, null);
    }

    /** One failure of the given status. */
    public static Fault of(String method, String path, int status) {
        return new Fault(method, path, status, 1, null);
    }

    /** One answer whose connection drops after half its body. */
    public static Fault reset(String method, String path) {
        return new Fault(method, path, 0, 1, null, Kind.RESET, null);
    }

    /** One answer that ends before its Content-Length. */
    public static Fault truncate(String method, String path) {
        return new Fault(method, path, 0, 1, null, Kind.TRUNCATE, null);
    }

    /** One answer whose body stops after half and hangs for {@code hang}. */
    public static Fault stall(String method, String path, Duration hang) {
        return new Fault(method, path, 0, 1, null, Kind.STALL, hang);
    }

    /** One answer delayed by {@code wait}. */
    public static Fault slow(String method, String path, Duration wait) {
        return new Fault(method, path, 0, 1, null, Kind.SLOW, wait);
    }

    /** Every session expires when the next matching request arrives. */
    public static Fault expireSession(String method, String path) {
        return new Fault(method, path, 0, 1, null, Kind.EXPIRE_SESSION, null);
    }

    public Fault times(int newCount) {
        return new Fault(method, path, status, newCount, retryAfter, kind, delay, cutAfter);
    }

    public Fault retryAfter(Duration newRetryAfter) {
        return new Fault(method, path, status, count, newRetryAfter, kind, delay, cutAfter);
    }

    public Fault delay(Duration newDelay) {
        return new Fault(method, path, status, count, retryAfter, kind, newDelay, cutAfter);
    }

    /** The body breaks after {@code bytes} of each answer instead of half way. */
    public Fault cutAfter(long bytes) {
        return new Fault(method, path, status, count, retryAfter, kind, delay, bytes);
    }

    public boolean matches(String requestMethod, String requestPath) {
        boolean methodOk = "*".equals(method) || method.equalsIgnoreCase(requestMethod);
        boolean pathOk = path.endsWith("*") ? requestPath.startsWith(path.substring(0, path.length() - 1))
                : path.equals(requestPath);
        return methodOk && pathOk;
    }

    /** {@code 503} or {@code reset}: the type as {@code --fault} spells it. */
    public String typeName() {
        return kind == Kind.STATUS ? String.valueOf(status) : kind.wireName();
    }

    /**
     * The {@code --fault} spec: {@code TYPE,path=PATH[,method=M][,count=N][,retry-after=S][,delay-ms=MS]
     * [,after=SIZE]}, TYPE an HTTP status or reset, truncate, stall, slow, expire-session. Examples: {@code
     * 429,path=/database/*,count=2,retry-after=1}; {@code reset,path=/B/*,count=1000,after=500M}.
     */
    public static Fault parse(String spec) {
        String[] parts = spec.split(",");
        Kind kind = Kind.parse(parts[0]);
        int status = kind == Kind.STATUS ? Integer.parseInt(parts[0].trim()) : 0;
        String method = "*";
        String path = null;
        int count = 1;
        Duration retryAfter = null;
        Duration delay = null;
        long cutAfter = 0;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected key=value in fault '" + spec + "', got '" + parts[i] + "'");
            }
            String value = kv[1].trim();
            try {
                switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                    case "path" -> path = value;
                    case "method" -> method = value;
                    case "count" -> count = Integer.parseInt(value);
                    case "retry-after" -> retryAfter = Duration.ofSeconds(Long.parseLong(value));
                    case "delay-ms" -> delay = Duration.ofMillis(Long.parseLong(value));
                    case "after" -> cutAfter = ByteSize.parse(value);
                    default -> throw new IllegalArgumentException("unknown key '" + kv[0] + "' in fault '" + spec
                            + "': use path, method, count, retry-after (seconds), delay-ms, after (bytes)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[0] + "' needs a whole number in fault '" + spec + "'");
            }
        }
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("fault '" + spec + "' needs a path, e.g. path=/B/* (downloads) or "
                    + "path=/database/* (CloudKit)");
        }
        return new Fault(method, path, status, count, retryAfter, kind, delay, cutAfter);
    }
}
