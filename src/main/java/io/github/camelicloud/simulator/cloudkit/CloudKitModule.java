package io.github.camelicloud.simulator.cloudkit;

import io.github.camelicloud.simulator.content.DownloadUrls;
import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.library.PhotoLibraries;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.util.Map;

/**
 * The Photos CloudKit container under {@code /database/1/com.apple.photos.cloud/production/<db>}, reached
 * at the base URL because accountLogin points {@code webservices.ckdatabasews.url} there. Authenticated
 * only by the web session cookies (§2.4).
 */
public final class CloudKitModule implements RouteModule {

    public static final String CONTAINER = "/database/1/com.apple.photos.cloud/production/";

    private final SimulatorState state;
    private final PhotoCatalog catalog;
    private final RecordJson json;
    private final RecordQueries queries;

    /**
     * @param extraQueries answers for further record types (tests), registered last so they may replace ours
     */
    public CloudKitModule(SimulatorState state, PhotoLibraries libraries, DownloadUrls urls,
            Map<String, RecordQuery> extraQueries) {
        this.state = state;
        this.catalog = new PhotoCatalog(libraries);
        this.json = new RecordJson(urls);
        this.queries = RecordQueries.defaults();
        AssetListQuery assets = new AssetListQuery(state, catalog, json);
        ListTypes.ALL.forEach(type -> queries.register(type, assets));
        queries.register(AlbumListQuery.RECORD_TYPE, new AlbumListQuery(catalog, json));
        queries.register(IndexCountQuery.RECORD_TYPE, new IndexCountQuery(state, catalog));
        extraQueries.forEach(queries::register);
    }

    @Override
    public void register(Router router) {
        CloudKitGate gate = new CloudKitGate(state);
        for (CloudKitDatabase database : CloudKitDatabase.values()) {
            String root = CONTAINER + database.pathSegment();
            RecordsQueryHandler query = new RecordsQueryHandler(catalog, queries);
            router.add("POST", root + "/records/query", gate.protect(database, query));
            router.add("POST", root + "/internal/records/query/batch",
                    gate.protect(database, new BatchQueryHandler(query)));
            router.add("POST", root + "/records/modify",
                    gate.protect(database, new RecordsModifyHandler(state, catalog, json)));
            router.add("POST", root + "/records/lookup",
                    gate.protect(database, new RecordsLookupHandler(state, catalog, json)));
            router.add("POST", root + "/zones/list", gate.protect(database, new ZonesListHandler(catalog)));
            router.add("POST", root + "/changes/database",
                    gate.protect(database, new ChangesDatabaseHandler(catalog)));
            router.add("POST", root + "/changes/zone",
                    gate.protect(database, new ChangesZoneHandler(state, catalog, json)));
        }
    }
}
