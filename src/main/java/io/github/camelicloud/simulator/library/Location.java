package io.github.camelicloud.simulator.library;

import java.time.Duration;
import java.time.Instant;

/** Where an asset was taken; published as {@code locationEnc} (a base64 binary plist), encoded when rendered. */
public record Location(double latitude, double longitude, double altitude) {

    private static final Instant EPOCH_2001 = Instant.parse("2001-01-01T00:00:00Z");

    /** The {@code locationEnc} value, its timestamp the capture time (seconds since 2001, as Apple counts). */
    public String encoded(Instant taken) {
        return LocationPlist.encode(latitude, longitude, altitude,
                Duration.between(EPOCH_2001, taken).toMillis() / 1000.0);
    }
}
