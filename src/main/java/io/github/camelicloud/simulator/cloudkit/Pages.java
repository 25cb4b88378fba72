package io.github.camelicloud.simulator.cloudkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Rank windows and continuation markers. ASCENDING from rank r gives r, r+1, ...; DESCENDING from r gives
 * r, r-1, ... down to 0 (a trailing window, as old clients stepped down from count-1).
 */
final class Pages {

    /** Apple answers at most 200 records per query page, whatever resultsLimit asks (§13 3.3). */
    static final int MAX_RECORDS = 200;

    record Page<T>(List<T> items, Long next) {
    }

    private Pages() {
    }

    static <T> Page<T> window(List<T> ordered, long start, boolean descending, int limit) {
        List<T> items = new ArrayList<>();
        if (!descending) {
            long from = Math.max(0, start);
            long to = Math.min(ordered.size(), from + limit);
            for (long i = from; i < to; i++) {
                items.add(ordered.get((int) i));
            }
            return new Page<>(items, to < ordered.size() ? to : null);
        }
        long from = Math.min(start, ordered.size() - 1L);
        long to = Math.max(-1, from - limit);
        for (long i = from; i > to; i--) {
            items.add(ordered.get((int) i));
        }
        return new Page<>(items, to >= 0 ? to : null);
    }

    /** Pairs per page for a {@code resultsLimit} counted in records (2 per asset); never below one pair. */
    static int pairs(int resultsLimit) {
        return Math.max(1, Math.min(resultsLimit <= 0 ? MAX_RECORDS : resultsLimit, MAX_RECORDS) / 2);
    }

    /** An opaque marker bound to the query it continues. */
    static String marker(String queryKey, long next) {
        return Base64.getEncoder().encodeToString(("v1|" + next + "|" + queryKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The rank a marker continues from, if it was made for this query. */
    static Optional<Long> resume(String marker, String queryKey) {
        try {
            String text = new String(Base64.getDecoder().decode(marker), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", 3);
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(queryKey)) {
                return Optional.of(Long.parseLong(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // falls through: not a marker of ours
        }
        return Optional.empty();
    }
}
