package io.github.camelicloud.simulator.content;

import java.util.Optional;

/**
 * A single {@code Range: bytes=...} request against a file of known size ({@code N-}, {@code N-M},
 * {@code -S}). Anything else (other units, several ranges, garbage) is ignored, as RFC 9110 allows, and the
 * whole file is sent.
 *
 * @param first first byte, inclusive
 * @param last  last byte, inclusive
 */
record ByteRange(long first, long last) {

    /** Thrown for a well-formed range that starts past the end (416). */
    static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    long length() {
        return last - first + 1;
    }

    static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        String spec = header.trim();
        if (!spec.regionMatches(true, 0, "bytes=", 0, 6) || spec.indexOf(',') >= 0) {
            return Optional.empty();
        }
        spec = spec.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(from);
            if (first >= size && first >= 0) {
                throw new Unsatisfiable();
            }
            long last = to.isEmpty() ? size - 1 : Long.parseLong(to);
            if (first < 0 || last < first) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
