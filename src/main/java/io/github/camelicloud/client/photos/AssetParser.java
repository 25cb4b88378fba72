package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.client.photos.metadata.AssetMetadataParser;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a CPLMaster + CPLAsset pair into an {@link Asset}. Real answers are messy, so every oddity has a
 * fallback and a warning naming the asset, never an exception that would end a whole run
 * (icloud-protocol.md §6.7–§6.10).
 */
final class AssetParser {

    private static final Logger LOG = LoggerFactory.getLogger(AssetParser.class);

    private AssetParser() {
    }

    static Asset parse(JsonNode master, JsonNode asset, String zoneName) {
        String id = master.path("recordName").asText();
        JsonNode mf = master.path("fields");
        JsonNode af = asset.path("fields");
        Optional<String> fileName = fileName(id, mf.path("filenameEnc"));
        Optional<String> itemType = text(mf.path("itemType").path("value"));
        ItemKind kind = FileTypes.kind(itemType.orElse(null), fileName.orElse(null));
        Instant created = timestamp(af.path("assetDate")).orElseGet(() -> {
            LOG.warn("Asset {} has no creation date; using 1970-01-01", id);
            return Instant.EPOCH;
        });
        return new Asset(id, asset.path("recordName").asText(), asset.path("recordChangeTag").asText(""), zoneName,
                fileName, itemType, kind, created, offset(af.path("timeZoneOffset")),
                timestamp(af.path("addedDate")).orElse(created), flag(af.path("isFavorite")),
                flag(af.path("isHidden")), flag(af.path("isDeleted")),
                mf.path("resOriginalWidth").path("value").asInt(0), mf.path("resOriginalHeight").path("value").asInt(0),
                versions(id, kind, itemType.orElse(null), mf, af), AssetMetadataParser.parse(mf, af));
    }

    /** §6.8: base64 UTF-8 (ENCRYPTED_BYTES) or plain STRING; anything unreadable falls back to the id-based name. */
    static Optional<String> fileName(String id, JsonNode filenameEnc) {
        if (filenameEnc.isMissingNode() || filenameEnc.path("value").isNull() || filenameEnc.path("value").isMissingNode()) {
            return Optional.empty();
        }
        String value = filenameEnc.path("value").asText();
        String type = filenameEnc.path("type").asText("ENCRYPTED_BYTES");
        switch (type) {
            case "STRING":
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            case "ENCRYPTED_BYTES":
                try {
                    byte[] bytes = Base64.getDecoder().decode(value);
                    String name = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes)).toString();
                    return name.isEmpty() ? Optional.empty() : Optional.of(name);
                } catch (IllegalArgumentException | CharacterCodingException e) {
                    LOG.warn("Asset {} has an unreadable file name (Invalid Input (Parsing filenameEnc): {}); using a"
                            + " name made from its id", id, e.getMessage());
                    return Optional.empty();
                }
            default:
                LOG.warn("Asset {} has an unsupported filename encoding '{}'; using a name made from its id", id, type);
                return Optional.empty();
        }
    }

    private static Map<VersionType, AssetVersion> versions(String id, ItemKind kind, String itemType, JsonNode master,
            JsonNode asset) {
        Map<VersionType, AssetVersion> versions = new EnumMap<>(VersionType.class);
        for (VersionType type : VersionType.values()) {
            String prefix = type.fieldPrefix(kind);
            if (prefix == null) {
                continue;
            }
            JsonNode fields = asset.has(prefix + "Res") ? asset : master;
            JsonNode res = fields.path(prefix + "Res").path("value");
            if (!res.isObject()) {
                continue;
            }
            Optional<String> url = text(res.path("downloadURL"));
            if (url.isEmpty()) {
                LOG.warn("Asset {} offers its {} version without a download URL; it cannot be downloaded", id,
                        type.name().toLowerCase(java.util.Locale.ROOT));
            }
            String fileType = text(fields.path(prefix + "FileType").path("value"))
                    .orElse(type.isLivePhotoVideo() || kind == ItemKind.MOVIE ? FileTypes.QUICKTIME
                            : itemType != null ? itemType : "public.data");
            versions.put(type, new AssetVersion(type, res.path("size").asLong(0),
                    res.path("fileChecksum").asText(""), fileType, url));
        }
        return versions;
    }

    private static Optional<Instant> timestamp(JsonNode field) {
        JsonNode value = field.path("value");
        return value.isNumber() ? Optional.of(Instant.ofEpochMilli(value.asLong())) : Optional.empty();
    }

    private static Optional<ZoneOffset> offset(JsonNode field) {
        JsonNode value = field.path("value");
        if (!value.isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneOffset.ofTotalSeconds(value.asInt()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Apple sends these flags as INT64 0/1 or as JSON booleans, and the form varies over time. */
    static boolean flag(JsonNode field) {
        JsonNode value = field.path("value");
        return value.isBoolean() ? value.asBoolean() : value.asLong(0) != 0;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
