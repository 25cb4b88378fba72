package io.github.camelicloud.client.photos.metadata;

import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link AssetMetadata} from the raw CloudKit {@code fields} of a CPLMaster and its CPLAsset, with
 * icloudpd's rules (icloud-protocol.md §6.7). Every value is decoded on its own: an unreadable one is left
 * empty and logged at DEBUG (without its content, which is the user's private text), and the others are
 * kept. Never throws on bad input.
 */
public final class AssetMetadataParser {

    private static final Logger LOG = LoggerFactory.getLogger(AssetMetadataParser.class);
    private static final int SCREENSHOT_SUBTYPE = 3;

    private AssetMetadataParser() {
    }

    /**
     * @param masterFields the CPLMaster's {@code fields} (icloudpd takes nothing from it today; accepted so
     *                     callers need not change if a value moves there)
     * @param assetFields  the CPLAsset's {@code fields}; a missing node gives {@link AssetMetadata#empty()}
     */
    public static AssetMetadata parse(JsonNode masterFields, JsonNode assetFields) {
        if (assetFields == null || !assetFields.isObject()) {
            return AssetMetadata.empty();
        }
        Location location = location(assetFields);
        return new AssetMetadata(text(assetFields, "captionEnc"), text(assetFields, "extendedDescEnc"),
                keywords(assetFields), orientation(assetFields), screenshot(assetFields), location.latitude,
                location.longitude, location.altitude, location.speed, location.timestamp, created(assetFields),
                offset(assetFields), isOne(assetFields, "isFavorite"), isOne(assetFields, "isHidden"),
                isOne(assetFields, "isDeleted"));
    }

    /** base64 of UTF-8 text; an empty value counts as absent, as in icloudpd. */
    private static Optional<String> text(JsonNode fields, String name) {
        return encoded(fields, name).flatMap(value -> {
            try {
                return Optional.of(EncryptedBytes.utf8(EncryptedBytes.decode(value)));
            } catch (IllegalArgumentException e) {
                LOG.debug("Ignoring unreadable {}: {}", name, e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static List<String> keywords(JsonNode fields) {
        Optional<NSObject> plist = plist(fields, "keywordsEnc");
        if (plist.isEmpty()) {
            return List.of();
        }
        if (!(plist.get() instanceof NSArray)) {
            LOG.debug("Ignoring keywordsEnc: a {} instead of an array", plist.get().getClass().getSimpleName());
            return List.of();
        }
        List<String> keywords = new ArrayList<>();
        for (NSObject keyword : ((NSArray) plist.get()).getArray()) {
            if (keyword instanceof NSString) {
                keywords.add(((NSString) keyword).getContent());
            } else {
                LOG.debug("Ignoring a keyword that is a {}, not a string", keyword.getClass().getSimpleName());
            }
        }
        return keywords;
    }

    private static Optional<Integer> orientation(JsonNode fields) {
        return encoded(fields, "adjustmentSimpleDataEnc").filter(Adjustments::isJson).flatMap(value -> {
            try {
                return Adjustments.orientation(value);
            } catch (Exception e) {
                LOG.debug("Ignoring unreadable adjustmentSimpleDataEnc: {}", e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static boolean screenshot(JsonNode fields) {
        return fields.path("assetSubtypeV2").path("value").asLong(-1) == SCREENSHOT_SUBTYPE;
    }

    private static Location location(JsonNode fields) {
        Optional<NSObject> plist = plist(fields, "locationEnc");
        if (plist.isEmpty()) {
            return Location.NONE;
        }
        if (!(plist.get() instanceof NSDictionary)) {
            LOG.debug("Ignoring locationEnc: a {} instead of a dictionary", plist.get().getClass().getSimpleName());
            return Location.NONE;
        }
        NSDictionary dict = (NSDictionary) plist.get();
        return new Location(number(dict, "lat"), number(dict, "lon"), number(dict, "alt"), number(dict, "speed"),
                date(dict.get("timestamp")));
    }

    private static Optional<Double> number(NSDictionary dict, String key) {
        NSObject value = dict.get(key);
        if (value instanceof NSNumber && !((NSNumber) value).isBoolean()) {
            return Optional.of(((NSNumber) value).doubleValue());
        }
        if (value != null) {
            LOG.debug("Ignoring locationEnc.{}: a {}, not a number", key, value.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /** plistlib gives a naive UTC datetime; the XMP shows it without an offset. */
    private static Optional<LocalDateTime> date(NSObject value) {
        return value instanceof NSDate
                ? Optional.of(LocalDateTime.ofInstant(((NSDate) value).getDate().toInstant(), ZoneOffset.UTC))
                : Optional.empty();
    }

    private static Optional<Instant> created(JsonNode fields) {
        JsonNode value = fields.path("assetDate").path("value");
        return value.isNumber() ? Optional.of(Instant.ofEpochMilli(value.asLong())) : Optional.empty();
    }

    private static ZoneOffset offset(JsonNode fields) {
        JsonNode value = fields.path("timeZoneOffset").path("value");
        if (!value.isNumber()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneOffset.ofTotalSeconds(Math.toIntExact(value.asLong()));
        } catch (DateTimeException | ArithmeticException e) {
            LOG.debug("Ignoring timeZoneOffset {}: {}", value.asLong(), e.getMessage());
            return ZoneOffset.UTC;
        }
    }

    /** icloudpd's rating tests {@code value == 1} exactly; JSON {@code true} equals 1 in Python too. */
    private static boolean isOne(JsonNode fields, String name) {
        JsonNode value = fields.path(name).path("value");
        return value.isBoolean() ? value.asBoolean() : value.isNumber() && value.asDouble() == 1;
    }

    private static Optional<NSObject> plist(JsonNode fields, String name) {
        return encoded(fields, name).flatMap(value -> {
            try {
                return Optional.of(Plists.parse(EncryptedBytes.decode(value)));
            } catch (IllegalArgumentException e) {
                LOG.debug("Ignoring unreadable {}: {}", name, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** The field's non-empty string value; absent, null and "" all mean "not set". */
    private static Optional<String> encoded(JsonNode fields, String name) {
        JsonNode value = fields.path(name).path("value");
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            LOG.debug("Ignoring {}: a {} value instead of base64 text", name, value.getNodeType());
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    private record Location(Optional<Double> latitude, Optional<Double> longitude, Optional<Double> altitude,
            Optional<Double> speed, Optional<LocalDateTime> timestamp) {
        static final Location NONE = new Location(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
