package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code --embed-metadata} writes into a file: the values of an {@link AssetMetadata} made safe to embed.
 * iCloud's values are untrusted input: text loses the characters XML 1.0 cannot carry (C0 controls but tab and
 * newlines, unpaired surrogates, U+FFFE/U+FFFF), a position outside the globe or not a number is left out, so is
 * an altitude that is not a finite number within ±100 km, and a date outside years 1..9999.
 *
 * @param title       {@code captionEnc}
 * @param description {@code extendedDescEnc}
 * @param keywords    without empty ones, in Apple's order
 * @param position    latitude/longitude in degrees, altitude in metres when known
 * @param created     the capture date at its own UTC offset
 * @param rating      5 for a favourite, -1 (rejected) for hidden or deleted, as in icloudpd's sidecar
 */
record EmbeddedMetadata(Optional<String> title, Optional<String> description, List<String> keywords,
        Optional<Position> position, Optional<OffsetDateTime> created, Optional<Integer> rating) {

    /** Larger is not a place on Earth (nor above it) a phone records. */
    private static final double MAX_ALTITUDE = 100_000;

    record Position(double latitude, double longitude, Optional<Double> altitude) {
    }

    EmbeddedMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(rating, "rating");
    }

    static EmbeddedMetadata of(AssetMetadata m) {
        return new EmbeddedMetadata(text(m.title()), text(m.description()),
                m.keywords().stream().map(EmbeddedMetadata::clean).filter(k -> !k.isBlank()).toList(), position(m),
                m.created().map(i -> i.atOffset(m.createdOffset())).filter(d -> d.getYear() >= 1 && d.getYear() <= 9999),
                XmpDocument.rating(m));
    }

    boolean isEmpty() {
        return title.isEmpty() && description.isEmpty() && keywords.isEmpty() && position.isEmpty()
                && created.isEmpty() && rating.isEmpty();
    }

    /** The same without the free text, for a container too small for it. */
    EmbeddedMetadata withoutText() {
        return new EmbeddedMetadata(Optional.empty(), Optional.empty(), List.of(), position, created, rating);
    }

    private static Optional<String> text(Optional<String> value) {
        return value.map(EmbeddedMetadata::clean).filter(v -> !v.isBlank());
    }

    private static Optional<Position> position(AssetMetadata m) {
        if (m.latitude().isEmpty() || m.longitude().isEmpty()) {
            return Optional.empty();
        }
        double lat = m.latitude().get();
        double lon = m.longitude().get();
        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) { // NaN fails both
            return Optional.empty();
        }
        return Optional.of(new Position(lat, lon, m.altitude().filter(a -> Math.abs(a) <= MAX_ALTITUDE)));
    }

    /** Only the characters XML 1.0 allows; the rest (controls, lone surrogates) are dropped. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(EmbeddedMetadata::isXmlChar).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
