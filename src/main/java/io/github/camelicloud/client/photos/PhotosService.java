package io.github.camelicloud.client.photos;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.client.ICloudException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Photos service of a signed-in account: its libraries (owner's zones, then Shared Libraries). */
public final class PhotosService {

    private static final Logger LOG = LoggerFactory.getLogger(PhotosService.class);
    public static final String PRIMARY = "PrimarySync";
    static final String SHARED_PREFIX = "SharedSync-";

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

    /**
     * The library by zone name; an unknown name lists the ones that exist. {@code PrimarySync} means the primary
     * library, whatever Apple named its zone (migrated accounts have {@code PrimarySync1}, icloudpd PR #1367).
     */
    public PhotoLibrary library(String name) {
        List<PhotoLibrary> all = libraries();
        for (PhotoLibrary library : all) {
            if (library.name().equals(name)) {
                return library;
            }
        }
        if (name.equals(PRIMARY)) {
            Optional<PhotoLibrary> primary = all.stream().filter(l -> !l.shared() && isPrimary(l.name())).findFirst();
            if (primary.isPresent()) {
                LOG.info("The primary library's zone is {}", primary.get().name());
                return primary.get();
            }
        }
        List<String> names = all.stream().map(PhotoLibrary::name).toList();
        throw new ICloudException("Unknown library: " + name + ". Available libraries: " + String.join(", ", names)
                + ". Use --list-libraries to see them.");
    }

    /** Whether a zone name is one of Apple's primary library zones: {@code PrimarySync}, {@code PrimarySync1}… */
    static boolean isPrimary(String zoneName) {
        return zoneName.startsWith(PRIMARY);
    }

    /**
     * Libraries are the primary zones and Shared Libraries ({@code SharedSync-…}); other zones Apple lists
     * ({@code CMM-…} share links, {@code SharedCollection-…} shared albums) are not, and their queries fail
     * (kei PR #705, icloud-photos-sync #327/#592): selected by what they are, not by what they are not.
     */
    static boolean isLibrary(String zoneName) {
        return isPrimary(zoneName) || zoneName.startsWith(SHARED_PREFIX);
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
                String name = zone.path("zoneID").path("zoneName").asText("");
                if (zone.hasNonNull("serverErrorCode")) {
                    // a zone-fetch error entry still carries a zoneID: never a library (icloudpd PR #1367 review)
                    LOG.warn("Apple could not fetch the zone {} ({}: {}); it is left out", name,
                            zone.path("serverErrorCode").asText(), zone.path("reason").asText(""));
                } else if (!zone.path("deleted").asBoolean(false) && zone.path("zoneID").isObject()) {
                    if (isLibrary(name)) {
                        into.add(new PhotoLibrary(db, zone.path("zoneID"), shared));
                    } else {
                        LOG.debug("Zone {} is not a photo library (e.g. a CMM- share link); left out", name);
                    }
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
