package io.github.camelicloud.client.photos;

import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One photo or video of a library: a CPLMaster (the original bytes) with its CPLAsset (dates, flags,
 * edits). Immutable.
 *
 * @param id              the master's record name: stable id of the content
 * @param recordName      the CPLAsset's record name (what a delete names)
 * @param recordChangeTag the CPLAsset's change tag (a delete must name the current one)
 * @param fileName        the file name Apple stores, as sent (untrusted: may hold separators), if any
 * @param itemType        Apple's type identifier of the original, if any
 * @param created         when the photo was taken ({@code assetDate}); epoch 0 when Apple has none
 * @param createdOffset   the time zone the photo was taken in, when known
 * @param versions        every version Apple offers, by type
 * @param metadata        caption, keywords, location… (what an XMP sidecar carries)
 */
public record Asset(String id, String recordName, String recordChangeTag, String zoneName,
        Optional<String> fileName, Optional<String> itemType, ItemKind kind, Instant created,
        Optional<ZoneOffset> createdOffset, Instant added, boolean favorite, boolean hidden, boolean deleted,
        int width, int height, Map<VersionType, AssetVersion> versions, AssetMetadata metadata) {

    public Asset {
        Objects.requireNonNull(id, "id");
        versions = Map.copyOf(versions);
        metadata = metadata == null ? AssetMetadata.empty() : metadata;
    }

    public Optional<AssetVersion> version(VersionType type) {
        return Optional.ofNullable(versions.get(type));
    }

    public boolean isLivePhoto() {
        return kind != ItemKind.MOVIE && versions.containsKey(VersionType.LIVE_ORIGINAL);
    }

    /** The original's size: what icloudpd compares a local file against. */
    public long size() {
        return version(VersionType.ORIGINAL).map(AssetVersion::size).orElse(0L);
    }
}
