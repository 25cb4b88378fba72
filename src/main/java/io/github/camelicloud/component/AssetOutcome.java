package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;

/**
 * What one pass did with one selected asset at one destination.
 *
 * @param asset      the asset as listed
 * @param name       its file name as the logs show it
 * @param held       every file planned for it is at the destination (was there, recorded, or delivered now)
 * @param downloaded at least one of its files was delivered in this pass (in a dry run: would have been)
 */
public record AssetOutcome(Asset asset, String name, boolean held, boolean downloaded) {
}
