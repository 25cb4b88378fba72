package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.library.LibraryZone;
import io.github.camelicloud.simulator.library.PhotoLibraries;
import io.github.camelicloud.simulator.library.PhotoLibrary;
import io.github.camelicloud.simulator.library.Scope;
import io.github.camelicloud.simulator.state.AccountState;
import java.util.List;
import java.util.Optional;

/** The accounts' photo libraries seen as CloudKit zones: PrimarySync in private, SharedSync-… in shared. */
final class PhotoCatalog implements LibraryCatalog {

    private final PhotoLibraries libraries;

    PhotoCatalog(PhotoLibraries libraries) {
        this.libraries = libraries;
    }

    PhotoLibrary library(AccountState account) {
        return libraries.of(account.email(), account.libraryOwner());
    }

    Optional<LibraryZone> libraryZone(AccountState account, CloudKitDatabase database, String zoneName) {
        return library(account).zone(scope(database), zoneName);
    }

    @Override
    public List<Zone> zones(AccountState account, CloudKitDatabase database) {
        return library(account).zones(scope(database)).stream().map(PhotoCatalog::zone).toList();
    }

    @Override
    public String databaseSyncToken(AccountState account, CloudKitDatabase database) {
        long changes = library(account).zones(scope(database)).stream().mapToLong(LibraryZone::changeNumber).sum();
        return SyncTokens.token(account.identity().ownerRecordName() + "/" + database.pathSegment(), changes + 1);
    }

    static Zone zone(LibraryZone zone) {
        return new Zone(zone.zoneName(), zone.ownerRecordName(), "REGULAR_CUSTOM_ZONE",
                SyncTokens.token(zone.ownerRecordName() + "/" + zone.zoneName(), zone.changeNumber()));
    }

    static Scope scope(CloudKitDatabase database) {
        return database == CloudKitDatabase.PRIVATE ? Scope.PRIVATE : Scope.SHARED;
    }
}
