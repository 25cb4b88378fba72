package io.github.camelicloud.client.photos.metadata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a CPLAsset says about a photo beyond its bytes: the values icloudpd exports to an XMP sidecar
 * (icloud-protocol.md §6.7). Immutable; a field Apple did not send, or sent unreadable, is empty.
 *
 * @param title         {@code captionEnc}
 * @param description   {@code extendedDescEnc}
 * @param keywords      {@code keywordsEnc}, in Apple's order
 * @param orientation   EXIF orientation from the edit data ({@code adjustmentSimpleDataEnc}); not the
 *                      asset's plain {@code orientation} field, which icloudpd ignores
 * @param screenshot    {@code assetSubtypeV2 == 3}
 * @param latitude      {@code locationEnc.lat}, degrees
 * @param longitude     {@code locationEnc.lon}, degrees
 * @param altitude      {@code locationEnc.alt}, metres
 * @param speed         {@code locationEnc.speed}
 * @param gpsTimestamp  {@code locationEnc.timestamp}: a UTC wall time without a zone, as Apple stores it
 * @param created       {@code assetDate}; empty when Apple sent none (unlike {@code Asset.created}, no epoch default)
 * @param createdOffset {@code timeZoneOffset}, UTC when absent or out of range
 * @param favorite      {@code isFavorite == 1}
 * @param hidden        {@code isHidden == 1}
 * @param deleted       {@code isDeleted == 1}
 */
public record AssetMetadata(Optional<String> title, Optional<String> description, List<String> keywords,
        Optional<Integer> orientation, boolean screenshot, Optional<Double> latitude, Optional<Double> longitude,
        Optional<Double> altitude, Optional<Double> speed, Optional<LocalDateTime> gpsTimestamp,
        Optional<Instant> created, ZoneOffset createdOffset, boolean favorite, boolean hidden, boolean deleted) {

    private static final AssetMetadata EMPTY = new AssetMetadata(Optional.empty(), Optional.empty(), List.of(),
            Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), ZoneOffset.UTC, false, false, false);

    public AssetMetadata {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        keywords = List.copyOf(keywords);
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        Objects.requireNonNull(altitude, "altitude");
        Objects.requireNonNull(speed, "speed");
        Objects.requireNonNull(gpsTimestamp, "gpsTimestamp");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(createdOffset, "createdOffset");
    }

    /** No metadata at all: what an asset without a CPLAsset record, or a test, starts from. */
    public static AssetMetadata empty() {
        return EMPTY;
    }
}
