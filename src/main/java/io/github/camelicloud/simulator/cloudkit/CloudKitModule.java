package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.state.SimulatorState;

/**
 * The Photos CloudKit container under {@code /database/1/com.apple.photos.cloud/production/<db>}, reached
 * at the base URL because accountLogin points {@code webservices.ckdatabasews.url} there. Authenticated
 * only by the web session cookies (§2.4).
 */
public final class CloudKitModule implements RouteModule {

    public static final String CONTAINER = "/database/1/com.apple.photos.cloud/production/";

    private final SimulatorState state;
    private final LibraryCatalog catalog;
    private final RecordQueries queries;

    public CloudKitModule(SimulatorState state, LibraryCatalog catalog, RecordQueries queries) {
        this.state = state;
        this.catalog = catalog;
        this.queries = queries;
    }

    @Override
    public void register(Router router) {
        CloudKitGate gate = new CloudKitGate(state);
        for (CloudKitDatabase database : CloudKitDatabase.values()) {
            String root = CONTAINER + database.pathSegment();
            router.add("POST", root + "/records/query", gate.protect(database, new RecordsQueryHandler(catalog,
                    queries)));
            router.add("POST", root + "/zones/list", gate.protect(database, new ZonesListHandler(catalog)));
        }
    }
}
