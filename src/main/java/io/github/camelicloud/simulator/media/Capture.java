package io.github.camelicloud.simulator.media;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * When and with what a file was made, as written into its EXIF (or box) metadata. EXIF dates are local
 * wall-clock times, so the asset's time-zone offset travels with them (OffsetTimeOriginal).
 *
 * @param date          the instant (the asset's {@code assetDate})
 * @param offsetSeconds the asset's {@code timeZoneOffset}
 * @param make          camera maker, null to leave out (screenshots)
 * @param model         camera model, null to leave out
 */
public record Capture(Instant date, int offsetSeconds, String make, String model) {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

    public Capture {
        Objects.requireNonNull(date, "date");
    }

    public LocalDateTime localDateTime() {
        return LocalDateTime.ofInstant(date, ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** {@code yyyy:MM:dd HH:mm:ss} in local time, the EXIF DateTimeOriginal spelling. */
    public String exifDateTime() {
        return EXIF.format(localDateTime());
    }

    /** {@code +07:00}, the EXIF OffsetTimeOriginal spelling. */
    public String exifOffset() {
        String id = ZoneOffset.ofTotalSeconds(offsetSeconds).getId();
        return "Z".equals(id) ? "+00:00" : id;
    }

    /** Milliseconds as SubSecTimeOriginal digits. */
    public String subSeconds() {
        return String.format(Locale.ROOT, "%03d", date.toEpochMilli() % 1000);
    }
}
