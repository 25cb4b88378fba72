package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.sync.SyncOptions.LivePhotoSize;
import io.github.camelicloud.sync.SyncOptions.Size;
import io.github.camelicloud.client.photos.VersionType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every file an asset from Recently Deleted may have left at a destination, as icloudpd's
 * {@code --auto-delete} looks for them: each size on its own ({@code IMG_1.JPG}, {@code IMG_1-medium.JPG},
 * {@code IMG_1-thumb.JPG}, adjusted and alternative versions) with its live-photo video, in the folder the
 * folder structure gives — whatever {@code --size}, {@code --skip-videos} or {@code --skip-live-photos} say
 * now, since an earlier run may have used other ones.
 */
public final class RecentlyDeletedFiles {

    private static final Map<Size, VersionType> VERSIONS = Map.of(Size.ORIGINAL, VersionType.ORIGINAL, Size.MEDIUM,
            VersionType.MEDIUM, Size.THUMB, VersionType.THUMB, Size.ADJUSTED, VersionType.ADJUSTED, Size.ALTERNATIVE,
            VersionType.ALTERNATIVE);

    private final Map<Size, DownloadPlanner> planners = new EnumMap<>(Size.class);

    public RecentlyDeletedFiles(SyncOptions naming) {
        for (Size size : Size.values()) {
            LivePhotoSize live = switch (size) {
                case MEDIUM -> LivePhotoSize.MEDIUM;
                case THUMB -> LivePhotoSize.THUMB;
                default -> LivePhotoSize.ORIGINAL;
            };
            planners.put(size, new DownloadPlanner(new SyncOptions(List.of(size), true, live, naming.movFilenamePolicy(),
                    naming.alignRaw(), naming.fileMatchPolicy(), naming.keepUnicode(), false, false, false,
                    naming.folderStructure())));
        }
    }

    /** The candidate files, each relative path once, originals first. */
    public List<PlannedFile> of(Asset asset) {
        Map<String, PlannedFile> files = new LinkedHashMap<>();
        planners.forEach((size, planner) -> {
            if (asset.version(VERSIONS.get(size)).isPresent()) { // a size the asset lacks is no candidate
                for (PlannedFile f : planner.plan(asset)) {
                    files.putIfAbsent(f.relativePath(), f);
                }
            }
        });
        return List.copyOf(files.values());
    }
}
