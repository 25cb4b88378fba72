package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.Capture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;

/**
 * One account's Photos: its private PrimarySync zone and the Shared Library it joined, and the changes the
 * API and the test hooks make (trash, restore, flags, edits, new assets, expunge), each bumping change tags.
 */
public final class PhotoLibrary {

    /** An asset and the zone that holds it. */
    public record Located(LibraryZone zone, Asset asset) {
    }

    private final String account;
    private final long seed;
    private final List<LibraryZone> zones;
    private final DownloadIndex downloads;
    private int added;
    private List<SharedStream> sharedStreams;
    /** Shared Albums and their items made by the test hooks (under this object's lock; {@code added}: the zone's). */
    private int sharedAdded;

    PhotoLibrary(String account, long seed, List<LibraryZone> zones, DownloadIndex downloads) {
        this.account = account;
        this.seed = seed;
        this.zones = List.copyOf(zones);
        this.downloads = downloads;
        zones.forEach(zone -> zone.assets().forEach(downloads::register));
    }

    public String account() {
        return account;
    }

    /** The Shared Albums the account owns or subscribes to (made, and their files made downloadable, on first use). */
    public synchronized List<SharedStream> sharedStreams() {
        if (sharedStreams == null) {
            sharedStreams = new ArrayList<>(SharedStream.generated(seed));
            sharedStreams.forEach(s -> s.members().forEach(m -> downloads.register(m.asset())));
        }
        return List.copyOf(sharedStreams);
    }

    /** A new, empty Shared Album, owned by the account or (not {@code owned}) one it subscribes to. */
    public synchronized SharedStream createSharedStream(String name, boolean owned, String ownerName, Instant now) {
        sharedStreams();
        SharedStream stream = new SharedStream(Checksums.uuid(new Random(seed ^ (37L * ++sharedAdded))), name, owned,
                ownerName, now, List.of());
        sharedStreams.add(stream);
        return stream;
    }

    /**
     * A photo or video {@code contributor} adds to the Shared Album named {@code streamName} at {@code addedAt},
     * with its own bytes (same-named files of different people are different files).
     */
    public synchronized SharedStream.Member addToSharedStream(String streamName, String contributor,
            String fileName, String itemType, long size, Instant assetDate, Instant addedAt) {
        sharedStreams();
        int index = -1;
        for (int i = 0; i < sharedStreams.size(); i++) {
            if (sharedStreams.get(i).name().equals(streamName)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NoSuchElementException("unknown Shared Album " + streamName);
        }
        sharedAdded++;
        SharedStream.Member member = SharedStream.member("sharedstream-added|" + seed + "|" + sharedAdded,
                "ssa" + sharedAdded, fileName, itemType, size, assetDate, addedAt, contributor,
                new Random(seed ^ (41L * sharedAdded)));
        sharedStreams.set(index, sharedStreams.get(index).with(member));
        downloads.register(member.asset());
        return member;
    }

    public List<LibraryZone> zones() {
        return zones;
    }

    public List<LibraryZone> zones(Scope scope) {
        return zones.stream().filter(z -> z.scope() == scope).toList();
    }

    public Optional<LibraryZone> zone(Scope scope, String zoneName) {
        return zones(scope).stream().filter(z -> z.zoneName().equals(zoneName)).findFirst();
    }

    public LibraryZone primary() {
        return zones.get(0);
    }

    /** By master or asset recordName, in any zone. */
    public Optional<Located> find(String id) {
        for (LibraryZone zone : zones) {
            Optional<Asset> asset = zone.find(id);
            if (asset.isPresent()) {
                return Optional.of(new Located(zone, asset.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Applies new flags, bumping the asset's change tag (and the master's when deletion changes, since the
     * master carries isDeleted too). The caller holds the zone's lock when it checked a change tag first.
     */
    public Asset setStatus(LibraryZone zone, Asset asset, Status status, Instant now) {
        synchronized (zone) {
            boolean masterChanges = status.deleted() != asset.status().deleted();
            Asset updated = asset.withStatus(status, masterChanges ? zone.nextTag() : asset.masterTag(),
                    zone.nextTag(), now);
            zone.put(updated);
            return updated;
        }
    }

    /** Moves an asset to Recently Deleted (as records/modify isDeleted=1 does). */
    public Optional<Asset> trash(String id, Instant now) {
        return find(id).map(found -> found.asset().status().deleted() ? found.asset()
                : setStatus(found.zone(), found.asset(), found.asset().status().trashed(now), now));
    }

    /**
     * Adds (or replaces) the rendered edit: a new resJPEGFull (resVidFull for movies) with new bytes and
     * checksum, adjustmentType set, a new change tag.
     */
    /**
     * Photos' caption field and heart button: the caption (null keeps it) and the favourite flag (null keeps it) of
     * the asset change, its bytes do not; {@code changes/zone} reports the CPLAsset.
     */
    public Optional<Asset> annotate(String id, String caption, Boolean favorite, Instant now) {
        return annotate(id, caption, null, favorite, now);
    }

    /** The same, with Photos' keywords too ({@code keywords} null keeps them, empty removes them). */
    public Optional<Asset> annotate(String id, String caption, List<String> keywords, Boolean favorite, Instant now) {
        Optional<Located> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LibraryZone zone = found.get().zone();
        synchronized (zone) {
            Asset asset = zone.find(id).orElseThrow();
            Annotations a = asset.annotations();
            Status s = asset.status();
            Asset updated = asset.withAnnotations(
                    caption == null && keywords == null ? a : new Annotations(caption == null ? a.caption() : caption,
                            a.description(), keywords == null ? a.keywords() : keywords),
                    favorite == null ? s : new Status(favorite, s.hidden(), s.deletedField(), s.deletedAt()),
                    zone.nextTag(), now);
            zone.put(updated);
            return Optional.of(updated);
        }
    }

    public Optional<Asset> edit(String id, Instant now) {
        Optional<Located> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LibraryZone zone = found.get().zone();
        synchronized (zone) {
            Asset asset = zone.find(id).orElseThrow();
            Map<String, AssetVersion> versions = new LinkedHashMap<>(asset.assetVersions());
            AssetVersion original = asset.original();
            String key = "edit|" + seed + "|" + asset.masterName() + "|" + (asset.editRevision() + 1);
            Capture capture = new Capture(asset.assetDate(), asset.timeZoneOffset(), "Apple", "iPhone 15 Pro");
            AssetVersion full = asset.traits().isMovie()
                    ? VersionFactory.generated(key, "resVidFull", UtiTypes.QUICKTIME, Math.max(4096, original.size()),
                            original.width(), original.height(), capture, asset.traits().durationMillis())
                    : VersionFactory.generated(key, "resJPEGFull", UtiTypes.JPEG,
                            Math.max(60_000, original.size() * 3 / 4), Math.max(16, original.width()),
                            Math.max(16, original.height()), capture, 0);
            versions.put(full.prefix(), full);
            Asset updated = asset.withEdit(versions, "com.apple.photo", zone.nextTag(), now);
            zone.put(updated);
            downloads.register(updated);
            return Optional.of(updated);
        }
    }

    /**
     * A new asset in PrimarySync with exactly the given name (hostile ones included), type and size; only an
     * original. Joins {@code albumName} when given, creating that album if needed.
     */
    /** @param liveVideoSize the size of a live photo's video, 0 for none */
    public Asset add(String fileName, String itemType, long size, long liveVideoSize, Instant assetDate,
            String albumName, Instant now) {
        LibraryZone zone = primary();
        synchronized (zone) {
            added++;
            String key = "added|" + seed + "|" + added;
            Random random = new Random(seed ^ (0x5DEECE66DL * added));
            boolean movie = UtiTypes.isMovie(itemType);
            Capture capture = new Capture(assetDate, 0, movie ? null : "Apple", movie ? null : "iPhone 15 Pro");
            AssetVersion original = VersionFactory.generated(key, "resOriginal", itemType, size, movie ? 1920 : 640,
                    movie ? 1080 : 480, capture, movie ? 10_000 : 0);
            Map<String, AssetVersion> versions = new java.util.LinkedHashMap<>(Map.of("resOriginal", original));
            boolean live = liveVideoSize > 0 && !movie;
            if (live) {
                versions.put("resOriginalVidCompl", VersionFactory.generated(key + "resOriginalVidCompl",
                        "resOriginalVidCompl", UtiTypes.QUICKTIME, liveVideoSize, 1440, 1080, capture, 2_000));
            }
            Traits traits = new Traits(itemType, 0, live ? Traits.V2_LIVE : 0, 0, null, 0, movie ? 10_000 : live
                    ? 2_000 : 0, random.nextLong());
            String tag = zone.nextTag();
            Asset asset = new Asset(original.fileChecksum(), Checksums.uuid(random), FileName.encrypted(fileName),
                    traits, assetDate, now, 0, Status.visible(false), Map.copyOf(versions), Map.of(), null,
                    0, null, tag, zone.nextTag(), now, now, null);
            zone.put(asset);
            downloads.register(asset);
            if (albumName != null) {
                addToAlbum(zone, albumName, asset.masterName(), random, now);
            }
            return asset;
        }
    }

    private void addToAlbum(LibraryZone zone, String albumName, String masterName, Random random, Instant now) {
        Album album = zone.albums().stream().filter(a -> !a.folder() && albumName.equals(a.name())).findFirst()
                .orElse(null);
        if (album == null) {
            long position = zone.albums().stream().mapToLong(Album::position).max().orElse(0) + 1024;
            album = new Album(Checksums.uuid(random), albumName, false, null, position, List.of(), zone.nextTag(),
                    now, now);
        }
        List<String> members = new ArrayList<>(album.members());
        members.add(masterName);
        zone.putAlbum(album.withMembers(members, zone.nextTag(), now));
    }

    /**
     * A new user album (or folder) of PrimarySync, inside the folder named {@code parentFolder} (null: top level);
     * names are kept as given (hostile ones included).
     */
    public Album createAlbum(String name, String parentFolder, boolean folder, Instant now) {
        LibraryZone zone = primary();
        synchronized (zone) {
            String parent = parentFolder == null ? null : albumNamed(zone, parentFolder, true).recordName();
            long position = zone.albums().stream().mapToLong(Album::position).max().orElse(0) + 1024;
            Album album = new Album(Checksums.uuid(new Random(seed ^ (31L * ++added))), name, folder, parent,
                    position, List.of(), zone.nextTag(), now, now);
            zone.putAlbum(album);
            return album;
        }
    }

    /** Puts the asset (master or asset recordName) into the user album named {@code albumName}. */
    public void addToAlbum(String albumName, String assetId, Instant now) {
        LibraryZone zone = primary();
        synchronized (zone) {
            Album album = albumNamed(zone, albumName, false);
            Asset asset = zone.find(assetId).orElseThrow(() -> new NoSuchElementException("unknown asset " + assetId));
            List<String> members = new ArrayList<>(album.members());
            if (!members.contains(asset.masterName())) {
                members.add(asset.masterName());
            }
            zone.putAlbum(album.withMembers(members, zone.nextTag(), now));
        }
    }

    /** Renames the album or folder named {@code name}. */
    public Album renameAlbum(String name, String newName, Instant now) {
        LibraryZone zone = primary();
        synchronized (zone) {
            Album album = zone.albums().stream().filter(a -> name.equals(a.name())).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("unknown album " + name));
            Album renamed = album.renamed(newName, zone.nextTag(), now);
            zone.putAlbum(renamed);
            return renamed;
        }
    }

    /** Deletes the album or folder named {@code name} (its photos stay in the library). */
    public void removeAlbum(String name) {
        LibraryZone zone = primary();
        synchronized (zone) {
            Album album = zone.albums().stream().filter(a -> name.equals(a.name())).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("unknown album " + name));
            zone.removeAlbum(album.recordName());
        }
    }

    private static Album albumNamed(LibraryZone zone, String name, boolean folder) {
        return zone.albums().stream().filter(a -> a.folder() == folder && name.equals(a.name())).findFirst()
                .orElseThrow(() -> new NoSuchElementException("unknown " + (folder ? "folder " : "album ") + name));
    }

    /** Removes an asset for good: from its zone, its albums and the content host. */
    public Optional<Asset> expunge(String id, Instant now) {
        Optional<Located> found = find(id);
        found.ifPresent(f -> {
            f.zone().remove(f.asset().masterName(), now);
            downloads.unregister(f.asset());
        });
        return found.map(Located::asset);
    }
}
