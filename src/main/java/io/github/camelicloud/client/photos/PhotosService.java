package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.client.ICloudException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Photos service of a signed-in account: its libraries (owner's zones, then Shared Libraries). */
public final class PhotosService {

    private static final Logger LOG = LoggerFactory.getLogger(PhotosService.class);
    public static final String PRIMARY = "PrimarySync";

    private final CloudKitDatabase privateDb;
    private final CloudKitDatabase sharedDb;

    public PhotosService(CloudKitDatabase privateDb, CloudKitDatabase sharedDb) {
        this.privateDb = privateDb;
        this.sharedDb = sharedDb;
    }

    /** Every library: the owner's zones, then Shared Libraries (whose failure is only logged). */
    public List<PhotoLibrary> libraries() {
        List<PhotoLibrary> result = new ArrayList<>();
        addZones(privateDb, false, result);
        addZones(sharedDb, true, result);
        return result;
    }

    /** The library by zone name; an unknown name lists the ones that exist. */
    public PhotoLibrary library(String name) {
        List<PhotoLibrary> all = libraries();
        for (PhotoLibrary library : all) {
            if (library.name().equals(name)) {
                return library;
            }
        }
        List<String> names = all.stream().map(PhotoLibrary::name).toList();
        throw new ICloudException("Unknown library: " + name + ". Available libraries: " + String.join(", ", names)
                + ". Use --list-libraries to see them.");
    }

    /**
     * A library known from an earlier run, by the zoneID Apple sent then, without asking iCloud again: what
     * lets an incremental poll cost one request. A library that no longer exists fails on first use.
     */
    public PhotoLibrary library(JsonNode zoneId, boolean shared) {
        return new PhotoLibrary(shared ? sharedDb : privateDb, zoneId, shared);
    }

    private static void addZones(CloudKitDatabase db, boolean shared, List<PhotoLibrary> into) {
        try {
            JsonNode answer = db.post("zones/list", PhotoQueries.JSON.createObjectNode());
            for (JsonNode zone : answer.path("zones")) {
                if (!zone.path("deleted").asBoolean(false) && zone.path("zoneID").isObject()) {
                    into.add(new PhotoLibrary(db, zone.path("zoneID"), shared));
                }
            }
        } catch (ICloudException e) {
            if (!shared) {
                throw e;
            }
            LOG.warn("Could not list the Shared Libraries: {}", e.getMessage()); // the own library still works
        }
    }
}
