package io.github.camelicloud.simulator.hooks;

import io.github.camelicloud.simulator.LibraryManifest;
import io.github.camelicloud.simulator.NewAsset;
import io.github.camelicloud.simulator.library.Album;
import io.github.camelicloud.simulator.library.Asset;
import io.github.camelicloud.simulator.library.AssetVersion;
import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.library.MediaFile;
import io.github.camelicloud.simulator.library.PhotoLibraries;
import io.github.camelicloud.simulator.library.PhotoLibrary;
import io.github.camelicloud.simulator.library.Selection;
import io.github.camelicloud.simulator.library.SharedStream;
import io.github.camelicloud.simulator.library.SmartAlbum;
import io.github.camelicloud.simulator.library.UtiTypes;
import io.github.camelicloud.simulator.state.AccountState;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The photo-library test controls, shared by {@code ICloudSimulator}'s methods and the hooks. */
public final class LibraryControl {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryControl.class);

    private final SimulatorState state;
    private final PhotoLibraries libraries;

    public LibraryControl(SimulatorState state, PhotoLibraries libraries) {
        this.state = state;
        this.libraries = libraries;
    }

    /** Everything the account's library holds; hashes every version not hashed before. */
    public LibraryManifest manifest(String email) {
        PhotoLibrary library = library(email);
        List<LibraryManifest.Library> zones = library.zones().stream()
                .map(z -> new LibraryManifest.Library(z.zoneName(), z.scope().wireName())).toList();
        LibraryZone primary = library.primary();
        Map<String, Album> albumsById = new LinkedHashMap<>();
        primary.albums().forEach(a -> albumsById.put(a.recordName(), a));
        List<LibraryManifest.Album> albums = new ArrayList<>();
        primary.albums().stream().filter(a -> !a.isRoot())
                .sorted(java.util.Comparator.comparingLong(Album::position)).forEach(album -> {
                    Album parent = album.parentId() == null ? null : albumsById.get(album.parentId());
                    List<String> ids = album.folder() ? List.of() : primary.list(Selection.album(album.recordName()))
                            .stream().map(Asset::masterName).toList();
                    albums.add(new LibraryManifest.Album(album.recordName(), album.name(),
                            parent == null ? null : parent.name(), album.folder() ? "folder" : "album", ids));
                });
        List<MediaFile> files = new ArrayList<>();
        library.zones().forEach(z -> z.assets().forEach(a -> a.versions().values().forEach(v -> files.add(v.file()))));
        // Hashing is the slow part (a few hundred MB for the default library): use every core.
        files.parallelStream().forEach(MediaFile::sha256);
        List<LibraryManifest.Asset> assets = new ArrayList<>();
        for (LibraryZone zone : library.zones()) {
            zone.assets().forEach(asset -> assets.add(entry(zone, asset)));
        }
        return new LibraryManifest(library.account(), zones, albums, assets);
    }

    /**
     * Fresh signed URLs (content host of base-URL mode) of the files a default sync fetches: the original of every
     * visible PrimarySync asset and the video of each live photo, one {@code URL SIZE} line each. Benchmarks fetch
     * them with curl to measure what the loopback allows.
     */
    public List<String> downloadUrls(String email, io.github.camelicloud.simulator.content.DownloadUrls urls) {
        LibraryZone primary = library(email).primary();
        List<String> lines = new ArrayList<>();
        for (Asset asset : primary.assets()) {
            if (!asset.visible()) {
                continue;
            }
            for (AssetVersion version : asset.versions().values()) {
                boolean wanted = version.prefix().equals("resOriginal") || (version.prefix().equals("resOriginalVidCompl")
                        && !asset.traits().itemType().equals("com.apple.quicktime-movie"));
                if (wanted) {
                    lines.add(urls.url(state.baseUrl(), version, primary.zoneName(), state.now())
                            .replace("${f}", "file") + " " + version.size());
                }
            }
        }
        return lines;
    }

    public LibraryManifest.Asset addAsset(String email, NewAsset spec) {
        PhotoLibrary library = library(email);
        String itemType = Optional.ofNullable(spec.itemType())
                .orElseGet(() -> UtiTypes.forFileName(spec.fileName()).orElse(UtiTypes.JPEG));
        Asset asset = library.add(spec.fileName(), itemType, spec.size(), spec.liveVideoSize(),
                Optional.ofNullable(spec.assetDate()).orElseGet(state::now), spec.album(), state.now());
        LOG.info("Added asset {} ({} bytes, {}) for {}", asset.masterName(), spec.size(), itemType, email);
        return entry(library.primary(), asset);
    }

    public LibraryManifest.Asset editAsset(String email, String id) {
        PhotoLibrary library = library(email);
        Asset asset = library.edit(id, state.now()).orElseThrow(() -> unknownAsset(id));
        return entry(library.find(id).orElseThrow().zone(), asset);
    }

    /** A metadata-only change: new caption and/or favourite flag (null keeps each), the same bytes. */
    public LibraryManifest.Asset annotateAsset(String email, String id, String caption, Boolean favorite) {
        return annotateAsset(email, id, caption, null, favorite);
    }

    /** The same with keywords (null keeps them). */
    public LibraryManifest.Asset annotateAsset(String email, String id, String caption, java.util.List<String> keywords,
            Boolean favorite) {
        PhotoLibrary library = library(email);
        Asset asset = library.annotate(id, caption, keywords, favorite, state.now())
                .orElseThrow(() -> unknownAsset(id));
        return entry(library.find(id).orElseThrow().zone(), asset);
    }

    /** Moves the asset to Recently Deleted, as records/modify isDeleted=1 does. */
    public LibraryManifest.Asset deleteAsset(String email, String id) {
        PhotoLibrary library = library(email);
        Asset asset = library.trash(id, state.now()).orElseThrow(() -> unknownAsset(id));
        return entry(library.find(id).orElseThrow().zone(), asset);
    }

    /** Removes the asset entirely: from listings, albums and the content host. */
    public void expungeAsset(String email, String id) {
        library(email).expunge(id, state.now()).orElseThrow(() -> unknownAsset(id));
    }

    /** A user album (or folder), top level or inside the folder named {@code parentFolder}. */
    public void createAlbum(String email, String name, String parentFolder, boolean folder) {
        library(email).createAlbum(name, parentFolder, folder, state.now());
    }

    public void addToAlbum(String email, String albumName, String assetId) {
        library(email).addToAlbum(albumName, assetId, state.now());
    }

    public void renameAlbum(String email, String name, String newName) {
        library(email).renameAlbum(name, newName, state.now());
    }

    public void removeAlbum(String email, String name) {
        library(email).removeAlbum(name);
    }

    public PhotoLibrary library(String email) {
        AccountState account = (email == null ? state.accounts().all().stream().findFirst()
                : state.accounts().find(email))
                .orElseThrow(() -> new NoSuchElementException("unknown account " + email));
        return libraries.of(account.email(), account.libraryOwner());
    }

    private static NoSuchElementException unknownAsset(String id) {
        return new NoSuchElementException("unknown asset " + id);
    }

    /** A new Shared Album the account owns, or subscribes to ({@code owned} false, shared by {@code owner}). */
    public void createSharedAlbum(String email, String name, boolean owned, String owner) {
        library(email).createSharedStream(name, owned, owner == null ? "" : owner, state.now());
    }

    /**
     * A photo or video {@code contributor} adds to the Shared Album named {@code album} (the spec's own album field
     * is not used), at {@code added} (null: now).
     */
    public LibraryManifest.SharedItem addToSharedAlbum(String email, String album, String contributor,
            NewAsset spec, java.time.Instant added) {
        String itemType = Optional.ofNullable(spec.itemType())
                .orElseGet(() -> UtiTypes.forFileName(spec.fileName()).orElse(UtiTypes.JPEG));
        java.time.Instant now = state.now();
        SharedStream.Member m = library(email).addToSharedStream(album, contributor, spec.fileName(), itemType,
                spec.size(), Optional.ofNullable(spec.assetDate()).orElse(now), Optional.ofNullable(added).orElse(now));
        LOG.info("Added {} by {} to the Shared Album {} of {}", m.asset().masterName(), contributor, album, email);
        return new LibraryManifest.SharedItem(album, contributor, entry("SharedStreams", m.asset()));
    }

    /** Every photo and video of the account's Shared Albums, as a manifest entry (zone SharedStreams) each. */
    public List<LibraryManifest.SharedItem> sharedAlbums(String email) {
        List<LibraryManifest.SharedItem> items = new ArrayList<>();
        for (SharedStream stream : library(email).sharedStreams()) {
            for (SharedStream.Member m : stream.members()) {
                items.add(new LibraryManifest.SharedItem(stream.name(), m.contributor(),
                        entry("SharedStreams", m.asset())));
            }
        }
        return items;
    }

    static LibraryManifest.Asset entry(LibraryZone zone, Asset asset) {
        return entry(zone.zoneName(), asset);
    }

    private static LibraryManifest.Asset entry(String zoneName, Asset asset) {
        List<String> smart = new ArrayList<>();
        for (SmartAlbum album : SmartAlbum.values()) {
            if (album.contains(asset)) {
                smart.add(album.name());
            }
        }
        if (asset.visible() && asset.traits().burstId() != null) {
            smart.add("BURST");
        }
        Map<String, LibraryManifest.Version> versions = new LinkedHashMap<>();
        for (AssetVersion version : asset.versions().values()) {
            versions.put(version.prefix(), new LibraryManifest.Version(version.size(), version.file().sha256(),
                    version.fileType(), version.fileChecksum()));
        }
        return new LibraryManifest.Asset(asset.masterName(), asset.assetName(), zoneName,
                asset.fileName() == null ? null : asset.fileName().name(), asset.traits().itemType(),
                asset.assetDate(), asset.addedDate(), asset.timeZoneOffset(), asset.status().favorite(),
                asset.status().hidden(), asset.status().deleted(), smart, versions, asset.location() == null ? null
                        : new LibraryManifest.Location(asset.location().latitude(), asset.location().longitude(),
                                asset.location().altitude()), asset.annotations().caption(),
                asset.annotations().description(), asset.annotations().keywords());
    }
}
