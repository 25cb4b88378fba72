/**
 * The Photos CloudKit container: zones/list, records/query (one {@link
 * io.github.camelicloud.simulator.cloudkit.RecordQuery} per record type, registered in {@link
 * io.github.camelicloud.simulator.cloudkit.RecordQueries}), the count batch, records/modify and records/lookup,
 * all behind {@code CloudKitGate}. Zones come from the accounts' photo libraries through {@link
 * io.github.camelicloud.simulator.cloudkit.LibraryCatalog}; records are rendered by {@code RecordJson}.
 */
package io.github.camelicloud.simulator.cloudkit;
