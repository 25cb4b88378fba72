package io.github.camelicloud.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an account's photo library holds, for tests to compare a client's results with: its libraries
 * (zones), albums and every asset with the real size and SHA-256 of each downloadable version. The JSON
 * form ({@code GET /_simulator/manifest}) has exactly these names.
 *
 * @param account   the account's email
 * @param libraries PrimarySync (scope private) first, then the Shared Library (scope shared)
 * @param albums    user albums and folders of PrimarySync, by position (the root folder left out)
 * @param assets    every asset of every zone, hidden and deleted ones included
 */
public record LibraryManifest(String account, List<Library> libraries, List<Album> albums, List<Asset> assets) {

    public LibraryManifest {
        libraries = List.copyOf(libraries);
        albums = List.copyOf(albums);
        assets = List.copyOf(assets);
    }

    /** @param scope {@code private} or {@code shared} */
    public record Library(String zone, String scope) {
    }

    /**
     * @param id       the CPLAlbum recordName (the {@code parentId} to list it with)
     * @param folder   the enclosing folder's name, null at top level
     * @param type     {@code album} or {@code folder}
     * @param assetIds master recordNames an album listing returns right now (hidden and deleted ones left out),
     *                 newest first; empty for folders
     */
    public record Album(String id, String name, String folder, String type, List<String> assetIds) {

        public Album {
            assetIds = List.copyOf(assetIds);
        }
    }

    /**
     * @param id              the CPLMaster recordName (= the original's fileChecksum)
     * @param assetRecordName the CPLAsset recordName (what records/modify names)
     * @param fileName        the decoded filenameEnc, null when the master has none
     * @param smartAlbums     smart-album tags listing it now (VIDEO, LIVE, FAVORITE, ...), plus BURST for burst
     *                        frames; empty while hidden or deleted
     * @param versions        by field prefix (resOriginal, resJPEGMed, ...), the version a client would use
     *                        (the CPLAsset's when it overrides the CPLMaster's)
     * @param location        where it was taken ({@code locationEnc}), or null
     * @param caption         {@code captionEnc}, or null
     * @param description     {@code extendedDescEnc}, or null
     * @param keywords        {@code keywordsEnc}, possibly empty
     */
    public record Asset(String id, String assetRecordName, String zone, String fileName, String itemType,
            Instant assetDate, Instant addedDate, int timeZoneOffset, boolean favorite, boolean hidden,
            boolean deleted, List<String> smartAlbums, Map<String, Version> versions, Location location,
            String caption, String description, List<String> keywords) {

        public Asset {
            smartAlbums = List.copyOf(smartAlbums);
            versions = Map.copyOf(versions);
            keywords = List.copyOf(keywords);
        }
    }

    /** Degrees and metres, as {@code locationEnc} says them. */
    public record Location(double latitude, double longitude, double altitude) {
    }

    /** @param sha256 lower-case hex of the bytes the download URL serves */
    public record Version(long size, String sha256, String fileType, String fileChecksum) {
    }

    /** A photo or video of a Shared Album (not part of the library) and who added it. */
    public record SharedItem(String album, String contributor, Asset asset) {
    }

    public Asset asset(String id) {
        return assets.stream().filter(a -> a.id().equals(id) || a.assetRecordName().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no asset " + id + " in the manifest"));
    }
}
