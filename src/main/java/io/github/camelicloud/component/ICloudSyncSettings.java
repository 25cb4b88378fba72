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

    public static SyncSettings from(ICloudConfiguration c, Clock clock) {
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
                FolderStructure.parse(c.getFolderStructure(), zone,
                        c.isUseOsLocale() ? Locale.getDefault() : Locale.ENGLISH));
        return new SyncSettings(naming, Optional.ofNullable(c.getRecent()), Optional.ofNullable(c.getUntilFound()),
                Optional.ofNullable(c.getSkipCreatedBefore())
                        .map(v -> OptionValues.instant("skipCreatedBefore", v, clock, zone)),
                Optional.ofNullable(c.getSkipCreatedAfter())
                        .map(v -> OptionValues.instant("skipCreatedAfter", v, clock, zone)),
                c.isDryRun());
    }
}
