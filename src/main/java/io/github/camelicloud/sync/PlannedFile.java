package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;

/**
 * One file to deliver: a version of an asset and where it goes, relative to the target, with {@code /}
 * separators. {@code label} says what it is: {@code original}, {@code medium}, …, or {@code live-original}.
 * {@code place} is empty, or, under {@code {album}}, the tag of the album folder this copy of the photo is for
 * ({@link AlbumFolders.Place}): one photo in three albums is three files of one content.
 */
public record PlannedFile(Asset asset, AssetVersion version, String label, String relativePath, String place) {

    public PlannedFile(Asset asset, AssetVersion version, String label, String relativePath) {
        this(asset, version, label, relativePath, "");
    }
}
