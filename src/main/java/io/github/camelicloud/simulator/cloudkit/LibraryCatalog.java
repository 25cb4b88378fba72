package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.state.AccountState;
import java.util.List;
import java.util.Optional;

/** Which zones (libraries) an account has in each database, as zones/list and the query handlers see them. */
public interface LibraryCatalog {

    List<Zone> zones(AccountState account, CloudKitDatabase database);

    /** The database's own change token (the top-level syncToken of zones/list). */
    String databaseSyncToken(AccountState account, CloudKitDatabase database);

    default Optional<Zone> zone(AccountState account, CloudKitDatabase database, String zoneName) {
        return zones(account, database).stream().filter(z -> z.zoneName().equals(zoneName)).findFirst();
    }
}
