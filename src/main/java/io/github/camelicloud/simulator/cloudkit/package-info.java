/**
 * The Photos CloudKit container. Extension points for the photo library: {@link
 * io.github.camelicloud.simulator.cloudkit.LibraryCatalog} (zones per account and database) and {@link
 * io.github.camelicloud.simulator.cloudkit.RecordQuery} (one per record type, registered in {@link
 * io.github.camelicloud.simulator.cloudkit.RecordQueries}); new operations (records/modify, changes/zone)
 * are further routes in {@link io.github.camelicloud.simulator.cloudkit.CloudKitModule} behind the same gate.
 */
package io.github.camelicloud.simulator.cloudkit;
