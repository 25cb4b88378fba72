package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import java.util.Optional;

/**
 * What one pass did with one selected asset at one destination.
 *
 * @param asset      the asset as listed
 * @param name       its file name as the logs show it
 * @param held       every file planned for it is at the destination (was there, recorded, or delivered now)
 * @param downloaded at least one of its files was delivered in this pass (in a dry run: would have been)
 * @param proof      re-checks, when asked, that the destination still holds the asset's bytes
 */
public record AssetOutcome(Asset asset, String name, boolean held, boolean downloaded, Proof proof) {

    /** The check a deletion in iCloud asks for just before it deletes. */
    @FunctionalInterface
    public interface Proof {

        /** A destination that keeps no record of what it holds proves nothing. */
        Proof NONE = () -> Optional.of("its destination keeps no record of the bytes it holds");

        /** Empty when the destination holds the asset's bytes now, else why not. */
        Optional<String> unproven();
    }
}
