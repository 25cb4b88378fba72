package io.github.camelicloud.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Parses option values with icloudpd's spellings, failing with a message that names the option and the choices. */
public final class OptionValues {

    private static final Pattern DAYS_AGO = Pattern.compile("(\\d+)d");

    private OptionValues() {
    }

    /** {@code as-is} → {@code AS_IS}; anything else → an error listing the accepted values. */
    public static <E extends Enum<E>> E choice(Class<E> type, String option, String value) {
        String wanted = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("Invalid value '" + value + "' for " + option + ": use one of "
                + Arrays.stream(type.getEnumConstants()).map(SyncOptions::cli).collect(Collectors.joining(", ")));
    }

    /**
     * icloudpd's date options: an ISO date ({@code 2024-01-31}), date-time (local or with offset), or a
     * number of days ago ({@code 20d}).
     */
    public static Instant instant(String option, String value, Clock clock, ZoneId zone) {
        String v = value.trim();
        Matcher days = DAYS_AGO.matcher(v);
        if (days.matches()) {
            return clock.instant().minus(Duration.ofDays(Long.parseLong(days.group(1))));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(v).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' for " + option
                    + ": use an ISO date such as 2024-01-31, a date-time such as 2024-01-31T08:00, or a number of"
                    + " days ago such as 20d");
        }
    }
}
