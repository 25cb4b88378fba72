package io.github.camelicloud.client.photos;

/** What an asset is, from its {@code itemType} (icloud-protocol.md §6.9). */
public enum ItemKind {
    IMAGE, MOVIE, UNKNOWN
}
