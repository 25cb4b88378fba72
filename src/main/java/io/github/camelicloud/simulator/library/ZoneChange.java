package io.github.camelicloud.simulator.library;

/**
 * One entry of a zone's change feed: a record at its latest state, or the tombstone of one removed for good.
 *
 * @param number the change that last touched the record (what a sync token counts)
 * @param asset  for MASTER and ASSET entries
 * @param album  for ALBUM entries
 */
public record ZoneChange(long number, Kind kind, String recordName, Asset asset, Album album) {

    public enum Kind { MASTER, ASSET, ALBUM, TOMBSTONE }
}
