package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;

/**
 * One file to deliver: a version of an asset and where it goes, relative to the target, with {@code /}
 * separators. {@code label} says what it is: {@code original}, {@code medium}, …, or {@code live-original}.
 */
public record PlannedFile(Asset asset, AssetVersion version, String label, String relativePath) {
}
