package io.github.camelicloud.client.photos;

/** Where an album comes from: the whole library, one of Apple's smart folders, or a user album. */
public enum AlbumKind {
    LIBRARY, SMART, USER
}
