package io.github.camelicloud.component;

import io.github.camelicloud.sync.FolderStructure;
import io.github.camelicloud.sync.OptionValues;
import io.github.camelicloud.sync.SyncOptions;
import io.github.camelicloud.sync.SyncSettings;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Turns the endpoint's options into the sync engine's settings, validating every value. */
public final class ICloudSyncSettings {

    private ICloudSyncSettings() {
    }

    /** @throws IllegalArgumentException naming the option and what would be accepted */
    public static SyncSettings from(ICloudConfiguration c, Clock clock) {
        checkCombinations(c);
        ZoneId zone = ZoneId.systemDefault();
        SyncOptions naming = new SyncOptions(
                Arrays.stream(c.getSizes().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> OptionValues.choice(SyncOptions.Size.class, "sizes", s)).distinct().toList(),
                c.isForceSize(),
                OptionValues.choice(SyncOptions.LivePhotoSize.class, "livePhotoSize", c.getLivePhotoSize()),
                OptionValues.choice(SyncOptions.LivePhotoMovFilenamePolicy.class, "livePhotoMovFilenamePolicy",
                        c.getLivePhotoMovFilenamePolicy()),
                OptionValues.choice(SyncOptions.AlignRaw.class, "alignRaw", c.getAlignRaw()),
                OptionValues.choice(SyncOptions.FileMatchPolicy.class, "fileMatchPolicy", c.getFileMatchPolicy()),
                c.isKeepUnicodeInFilenames(), c.isSkipVideos(), c.isSkipPhotos(), c.isSkipLivePhotos(),
                layout(c, zone));
        return new SyncSettings(naming, Optional.ofNullable(c.getRecent()), Optional.ofNullable(c.getUntilFound()),
                Optional.ofNullable(c.getSkipCreatedBefore())
                        .map(v -> OptionValues.instant("skipCreatedBefore", v, clock, zone)),
                Optional.ofNullable(c.getSkipCreatedAfter())
                        .map(v -> OptionValues.instant("skipCreatedAfter", v, clock, zone)),
                c.isDryRun());
    }

    /** {@code albums=all}: every user album, each into its folder ({@code {album}/} goes first when not named). */
    static boolean everyAlbum(ICloudConfiguration c) {
        return c.getAlbums() != null && c.getAlbums().trim().equalsIgnoreCase("all");
    }

    private static FolderStructure layout(ICloudConfiguration c, ZoneId zone) {
        FolderStructure layout = FolderStructure.parse(c.getFolderStructure(), zone,
                c.isUseOsLocale() ? Locale.getDefault() : Locale.ENGLISH);
        if (layout.hasAlbum() && (c.getUnfiledFolder() == null || c.getUnfiledFolder().isBlank())) {
            throw new IllegalArgumentException("unfiledFolder must name a folder for the photos in no album");
        }
        if (layout.hasContributor() && !c.sharedAlbumsSelected()) {
            throw new IllegalArgumentException("{contributor} in folderStructure is for Shared Albums: name them in"
                    + " sharedAlbums (--shared-album NAME or all)");
        }
        return everyAlbum(c) || c.sharedAlbumsSelected() ? layout.underAlbums() : layout;
    }

    /** What no single option's parser sees: ranges and options that contradict each other. */
    private static void checkCombinations(ICloudConfiguration c) {
        if (c.getRecent() != null && c.getRecent() < 0) {
            throw new IllegalArgumentException("recent must be 0 or more, got " + c.getRecent());
        }
        if (c.getUntilFound() != null && c.getUntilFound() < 1) {
            throw new IllegalArgumentException("untilFound must be 1 or more, got " + c.getUntilFound());
        }
        if (c.isSkipPhotos() && c.isSkipVideos()) {
            throw new IllegalArgumentException("skipPhotos and skipVideos together would download nothing");
        }
        if (c.getKeepRecentDays() != null && c.getKeepRecentDays() < 0) {
            throw new IllegalArgumentException("keepRecentDays must be 0 or more, got " + c.getKeepRecentDays());
        }
        if (c.sharedAlbumsSelected() && c.getAlbums() != null && !c.getAlbums().isBlank()) {
            throw new IllegalArgumentException("sharedAlbums and albums: a run downloads Shared Albums or the library's"
                    + " albums, not both (use a route, or a run, for each)");
        }
        if (c.sharedAlbumsSelected() && (c.isDeleteAfterDownload() || c.getKeepRecentDays() != null
                || c.isAutoDelete())) {
            throw new IllegalArgumentException("sharedAlbums cannot be combined with deleteAfterDownload,"
                    + " keepRecentDays or autoDelete: nothing is deleted in Shared Albums or for them");
        }
        if (c.isAutoDelete() && c.isDeleteAfterDownload()) {
            throw new IllegalArgumentException("autoDelete and deleteAfterDownload are mutually exclusive");
        }
    }
}
