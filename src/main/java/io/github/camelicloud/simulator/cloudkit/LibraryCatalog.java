package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.state.AccountState;
import java.util.List;
import java.util.Optional;

/**
 * Which zones (libraries) an account has in each database. The photo library issue replaces the default
 * with generated libraries, shared ones included.
 */
public interface LibraryCatalog {

    List<Zone> zones(AccountState account, CloudKitDatabase database);

    /** The database's own change token (the top-level syncToken of zones/list). */
    String databaseSyncToken(AccountState account, CloudKitDatabase database);

    default Optional<Zone> zone(AccountState account, CloudKitDatabase database, String zoneName) {
        return zones(account, database).stream().filter(z -> z.zoneName().equals(zoneName)).findFirst();
    }

    /** Only {@code PrimarySync} in the private database; nothing shared. */
    static LibraryCatalog primaryOnly() {
        return new LibraryCatalog() {
            @Override
            public List<Zone> zones(AccountState account, CloudKitDatabase database) {
                if (database != CloudKitDatabase.PRIVATE) {
                    return List.of();
                }
                String owner = account.identity().ownerRecordName();
                return List.of(new Zone(Zone.PRIMARY, owner, "REGULAR_CUSTOM_ZONE",
                        SyncTokens.token(owner + "/" + Zone.PRIMARY, 1)));
            }

            @Override
            public String databaseSyncToken(AccountState account, CloudKitDatabase database) {
                return SyncTokens.token(account.identity().ownerRecordName() + "/" + database.pathSegment(), 1);
            }
        };
    }
}
