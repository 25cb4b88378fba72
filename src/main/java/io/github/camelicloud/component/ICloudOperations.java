package io.github.camelicloud.component;

/** What the {@code icloud:} producer does. */
public enum ICloudOperations {
    /** Body: the library names. */
    listLibraries,
    /** Body: the album names of the library. */
    listAlbums,
    /** Body: the assets of the album (newest first), at most {@code CamelICloudLimit}. */
    listAssets,
    /** Body in: an Asset; body out: the stream of the version named by {@code CamelICloudVersion}. */
    download,
    /** Body: an Asset, moved to Recently Deleted in iCloud. */
    delete
}
