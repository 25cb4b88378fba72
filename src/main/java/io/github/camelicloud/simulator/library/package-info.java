/**
 * Each account's photo library: zones (PrimarySync and a Shared Library) of immutable {@link
 * io.github.camelicloud.simulator.library.Asset}s and {@link io.github.camelicloud.simulator.library.Album}s,
 * generated from a seed ({@code LibraryGenerator}) or read from a folder ({@code FolderLibrary}), listed in rank
 * order per {@link io.github.camelicloud.simulator.library.Selection}, changed by trash/restore/edit/add/expunge.
 * Knows nothing of CloudKit's wire format.
 */
package io.github.camelicloud.simulator.library;
