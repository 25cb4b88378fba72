package io.github.camelicloud.simulator.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One library (a CloudKit zone): its assets and albums, its change counter (which yields record change tags
 * and the zone's sync token) and cached listing orders. Every method locks the zone; a caller that must check
 * and then change (records/modify) holds {@code synchronized (zone)} around both.
 */
public final class LibraryZone {

    /** Tags start here so they look like Apple's four base-36 characters ("49lh"). */
    private static final long TAG_BASE = 200_000;

    private final Scope scope;
    private final String zoneName;
    private final String ownerRecordName;
    private final String deviceId;
    private final Map<String, Asset> byMaster = new LinkedHashMap<>();
    private final Map<String, String> masterByAssetName = new HashMap<>();
    private final Map<String, Album> albums = new LinkedHashMap<>();
    private final Map<Selection, List<Asset>> listings = new HashMap<>();
    /** Records removed for good (recordName → the change that removed them): changes/zone's tombstones. */
    private final Map<String, Long> tombstones = new HashMap<>();
    private long changeNumber;

    /**
     * @param deviceId the device that "created" the records (their created/modified deviceID)
     */
    public LibraryZone(Scope scope, String zoneName, String ownerRecordName, String deviceId) {
        this.scope = scope;
        this.zoneName = zoneName;
        this.ownerRecordName = ownerRecordName;
        this.deviceId = deviceId;
    }

    public Scope scope() {
        return scope;
    }

    public String zoneName() {
        return zoneName;
    }

    public String ownerRecordName() {
        return ownerRecordName;
    }

    public String deviceId() {
        return deviceId;
    }

    public synchronized long changeNumber() {
        return changeNumber;
    }

    /** A fresh record change tag; every change of the zone takes one, so the sync token moves too. */
    public synchronized String nextTag() {
        changeNumber++;
        return tagOf(changeNumber);
    }

    /** The record change tag of a change number. */
    public static String tagOf(long changeNumber) {
        return Long.toString(TAG_BASE + changeNumber, 36).toLowerCase(Locale.ROOT);
    }

    /** The change number a record change tag stands for (tags are base-36 change numbers). */
    public static long changeNumberOf(String tag) {
        try {
            return Long.parseLong(tag, 36) - TAG_BASE;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Every record changed after change {@code since}, each at its latest state, in change order: a
     * CPLMaster and its CPLAsset are separate entries (an edit or a flag changes only the CPLAsset).
     */
    public synchronized List<ZoneChange> changesSince(long since) {
        List<ZoneChange> changes = new ArrayList<>();
        for (Asset asset : byMaster.values()) {
            long master = changeNumberOf(asset.masterTag());
            if (master > since) {
                changes.add(new ZoneChange(master, ZoneChange.Kind.MASTER, asset.masterName(), asset, null));
            }
            long record = changeNumberOf(asset.assetTag());
            if (record > since) {
                changes.add(new ZoneChange(record, ZoneChange.Kind.ASSET, asset.assetName(), asset, null));
            }
        }
        for (Album album : albums.values()) {
            long number = changeNumberOf(album.changeTag());
            if (number > since) {
                changes.add(new ZoneChange(number, ZoneChange.Kind.ALBUM, album.recordName(), null, album));
            }
        }
        tombstones.forEach((name, number) -> {
            if (number > since) {
                changes.add(new ZoneChange(number, ZoneChange.Kind.TOMBSTONE, name, null, null));
            }
        });
        changes.sort(java.util.Comparator.comparingLong(ZoneChange::number));
        return changes;
    }

    /** Assets of a listing in rank order; computed once per change of the zone. */
    public synchronized List<Asset> list(Selection selection) {
        return listings.computeIfAbsent(selection, this::compute);
    }

    private List<Asset> compute(Selection selection) {
        Set<String> members = null;
        if (selection.kind() == Selection.Kind.ALBUM) {
            Album album = albums.get(selection.albumId());
            members = album == null || album.folder() ? Set.of() : new HashSet<>(album.members());
        }
        List<Asset> result = new ArrayList<>();
        for (Asset asset : byMaster.values()) {
            if (selection.includes(asset) && (members == null || members.contains(asset.masterName()))) {
                result.add(asset);
            }
        }
        result.sort(selection.order());
        return List.copyOf(result);
    }

    /** By master or asset recordName. */
    public synchronized Optional<Asset> find(String id) {
        Asset asset = byMaster.get(id);
        if (asset == null && masterByAssetName.containsKey(id)) {
            asset = byMaster.get(masterByAssetName.get(id));
        }
        return Optional.ofNullable(asset);
    }

    public synchronized Optional<Asset> findByAssetName(String assetName) {
        String master = masterByAssetName.get(assetName);
        return Optional.ofNullable(master == null ? null : byMaster.get(master));
    }

    /** Every asset, in the order they were added. */
    public synchronized List<Asset> assets() {
        return List.copyOf(byMaster.values());
    }

    /** Adds or replaces (same master) an asset. */
    public synchronized void put(Asset asset) {
        byMaster.put(asset.masterName(), asset);
        masterByAssetName.put(asset.assetName(), asset.masterName());
        tombstones.remove(asset.masterName());
        tombstones.remove(asset.assetName());
        listings.clear();
    }

    /** Removes an asset and its album memberships; returns it if it was there. */
    public synchronized Optional<Asset> remove(String masterName, java.time.Instant now) {
        Asset removed = byMaster.remove(masterName);
        if (removed == null) {
            return Optional.empty();
        }
        masterByAssetName.remove(removed.assetName());
        tombstones.put(removed.masterName(), changeNumberOf(nextTag()));
        tombstones.put(removed.assetName(), changeNumberOf(nextTag()));
        for (Album album : List.copyOf(albums.values())) {
            if (album.members().contains(masterName)) {
                List<String> members = new ArrayList<>(album.members());
                members.remove(masterName);
                albums.put(album.recordName(), album.withMembers(members, nextTag(), now));
            }
        }
        listings.clear();
        return Optional.of(removed);
    }

    public synchronized List<Album> albums() {
        return List.copyOf(albums.values());
    }

    public synchronized Optional<Album> album(String recordName) {
        return Optional.ofNullable(albums.get(recordName));
    }

    public synchronized void putAlbum(Album album) {
        albums.put(album.recordName(), album);
        listings.clear();
    }

    /** Removes an album or folder (and what a folder holds), as deleting it in Photos does. */
    public synchronized void removeAlbum(String recordName) {
        albums.remove(recordName);
        for (Album child : List.copyOf(albums.values())) {
            if (recordName.equals(child.parentId())) {
                removeAlbum(child.recordName());
            }
        }
        listings.clear();
    }
}
