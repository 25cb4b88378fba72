package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.FileTypes;
import io.github.camelicloud.client.photos.ItemKind;
import io.github.camelicloud.client.photos.VersionType;
import io.github.camelicloud.sync.SyncOptions.AlignRaw;
import io.github.camelicloud.sync.SyncOptions.FileMatchPolicy;
import io.github.camelicloud.sync.SyncOptions.LivePhotoMovFilenamePolicy;
import io.github.camelicloud.sync.SyncOptions.LivePhotoSize;
import io.github.camelicloud.sync.SyncOptions.Size;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, as icloudpd does, which versions of an asset to deliver and under which relative path:
 * requested sizes with their fallbacks, RAW alignment, live-photo videos, file names and folders.
 * Pure: it looks at no file; what already exists at the destination is decided later.
 */
public final class DownloadPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadPlanner.class);

    private final SyncOptions options;

    public DownloadPlanner(SyncOptions options) {
        this.options = options;
    }

    /** The files for this asset, primary versions first, then the live-photo video; none for a skipped kind. */
    public List<PlannedFile> plan(Asset asset) {
        return plan(asset, java.util.Optional.empty());
    }

    /** The files for this asset in an album's folder ({@code {album}}), tagged as that album's copies. */
    public List<PlannedFile> plan(Asset asset, java.util.Optional<AlbumFolders.Place> album) {
        if (options.skipVideos() && asset.kind() == ItemKind.MOVIE
                || options.skipPhotos() && asset.kind() == ItemKind.IMAGE) {
            return List.of();
        }
        String folder = album.isPresent() ? options.folderStructure().folderFor(asset.created(), album.get().folder(),
                album.get().contributor())
                : options.folderStructure().folderFor(asset.created());
        String place = album.map(AlbumFolders.Place::tag).orElse("");
        String base = baseName(asset);
        Map<Size, AssetVersion> available = alignRaw(asset);
        Map<Size, String> names = names(asset, base, available);

        List<PlannedFile> files = new ArrayList<>();
        for (Size requested : options.sizes()) {
            Size size = requested;
            if (!names.containsKey(size)) {
                if (size == Size.ORIGINAL) {
                    continue;
                }
                if (options.forceSize()) {
                    LOG.error("{} size does not exist for {}. Skipping...", size, base);
                    continue;
                }
                if (options.sizes().contains(Size.ORIGINAL)) {
                    continue; // the original is downloaded anyway
                }
                size = Size.ORIGINAL;
                if (!names.containsKey(size)) {
                    continue;
                }
            }
            add(files, asset, resolved(available, size), size.toString(), folder, names.get(size), place);
        }
        if (!options.skipLivePhotos() && asset.kind() != ItemKind.MOVIE) {
            liveVideo(asset, base, folder, files, place);
        }
        return files;
    }

    /** The base name: Apple's name made safe, with the id-7 suffix under {@code name-id7}. */
    public String baseName(Asset asset) {
        String base = FileNames.baseName(asset, options.keepUnicode());
        return options.fileMatchPolicy() == FileMatchPolicy.NAME_ID7 ? FileNames.withId7(base, asset) : base;
    }

    private void liveVideo(Asset asset, String base, String folder, List<PlannedFile> files, String place) {
        LivePhotoSize size = options.livePhotoSize();
        VersionType type = switch (size) {
            case ORIGINAL -> VersionType.LIVE_ORIGINAL;
            case MEDIUM -> VersionType.LIVE_MEDIUM;
            case THUMB -> VersionType.LIVE_THUMB;
        };
        asset.version(type).ifPresent(version -> {
            String name = livePhotoName(base);
            if (size != LivePhotoSize.ORIGINAL) {
                name = FileNames.withSuffix(name, "-" + size);
            }
            add(files, asset, version, "live-" + size, folder, name, place);
        });
    }

    private String livePhotoName(String base) {
        String extension = FileNames.extension(base);
        if (extension.isEmpty()) {
            return base;
        }
        boolean heic = extension.toLowerCase(Locale.ROOT).equals("heic");
        return FileNames.stem(base) + (heic && options.movFilenamePolicy() == LivePhotoMovFilenamePolicy.SUFFIX
                ? "_HEVC.MOV" : ".MOV");
    }

    /** The versions by size, after {@code --align-raw} swapped original and alternative where asked. */
    private Map<Size, AssetVersion> alignRaw(Asset asset) {
        Map<Size, AssetVersion> bySize = new EnumMap<>(Size.class);
        asset.version(VersionType.ORIGINAL).ifPresent(v -> bySize.put(Size.ORIGINAL, v));
        asset.version(VersionType.MEDIUM).ifPresent(v -> bySize.put(Size.MEDIUM, v));
        asset.version(VersionType.THUMB).ifPresent(v -> bySize.put(Size.THUMB, v));
        asset.version(VersionType.ADJUSTED).ifPresent(v -> bySize.put(Size.ADJUSTED, v));
        asset.version(VersionType.ALTERNATIVE).ifPresent(v -> bySize.put(Size.ALTERNATIVE, v));
        AssetVersion original = bySize.get(Size.ORIGINAL);
        AssetVersion alternative = bySize.get(Size.ALTERNATIVE);
        if (original != null && alternative != null) {
            boolean swap = options.alignRaw() == AlignRaw.ORIGINAL && FileTypes.isRaw(alternative.fileType())
                    || options.alignRaw() == AlignRaw.ALTERNATIVE && FileTypes.isRaw(original.fileType());
            if (swap) {
                bySize.put(Size.ORIGINAL, alternative);
                bySize.put(Size.ALTERNATIVE, original);
            }
        }
        return bySize;
    }

    /**
     * icloudpd's names per requested size: the extension follows the version's type; medium and thumb
     * get {@code -medium}/{@code -thumb}; adjusted and alternative get {@code -adjusted}/{@code -alternative}
     * only when they would collide with the original; a missing adjusted or alternative falls back to a
     * copy of the original when the original itself is not requested.
     */
    private Map<Size, String> names(Asset asset, String base, Map<Size, AssetVersion> available) {
        List<Size> sizes = options.sizes();
        Map<Size, String> names = new EnumMap<>(Size.class);
        for (Size s : sizes) {
            if (available.containsKey(s)) {
                names.put(s, versionName(asset, base, available.get(s), s));
            }
        }
        String original = available.containsKey(Size.ORIGINAL)
                ? versionName(asset, base, available.get(Size.ORIGINAL), Size.ORIGINAL) : null;
        if (sizes.contains(Size.ADJUSTED)) {
            if (!sizes.contains(Size.ORIGINAL)) {
                if (!names.containsKey(Size.ADJUSTED) && original != null) {
                    names.put(Size.ADJUSTED, original);
                }
            } else if (names.containsKey(Size.ADJUSTED) && names.get(Size.ADJUSTED).equals(names.get(Size.ORIGINAL))) {
                names.put(Size.ADJUSTED, FileNames.withSuffix(names.get(Size.ADJUSTED), "-adjusted"));
            }
        }
        if (sizes.contains(Size.ALTERNATIVE)) {
            if (!sizes.contains(Size.ORIGINAL) && !names.containsKey(Size.ADJUSTED)) {
                if (!names.containsKey(Size.ALTERNATIVE) && original != null) {
                    names.put(Size.ALTERNATIVE, original);
                }
            } else if (names.containsKey(Size.ALTERNATIVE)) {
                String alt = names.get(Size.ALTERNATIVE);
                if (alt.equals(names.get(Size.ADJUSTED)) || alt.equals(names.get(Size.ORIGINAL))) {
                    names.put(Size.ALTERNATIVE, FileNames.withSuffix(alt, "-alternative"));
                }
            }
        }
        for (Size s : sizes) {
            if (s != Size.ORIGINAL && s != Size.ADJUSTED && s != Size.ALTERNATIVE && !names.containsKey(s)
                    && !sizes.contains(Size.ORIGINAL) && original != null) {
                names.put(Size.ORIGINAL, original);
            }
        }
        return names;
    }

    /** Which version stands behind a name: the size's own, or the original it fell back to. */
    private static AssetVersion resolved(Map<Size, AssetVersion> available, Size size) {
        AssetVersion v = available.get(size);
        return v != null ? v : available.get(Size.ORIGINAL);
    }

    private String versionName(Asset asset, String base, AssetVersion version, Size size) {
        String name;
        if (asset.kind() != ItemKind.MOVIE && version.fileType().equals(FileTypes.QUICKTIME)) {
            name = livePhotoName(base);
        } else {
            String ext = FileTypes.extension(version.fileType()).orElse(FileNames.extension(base));
            name = ext.isEmpty() ? base : FileNames.withExtension(base, ext);
        }
        if (size == Size.MEDIUM || size == Size.THUMB) {
            name = FileNames.withSuffix(name, "-" + size);
        }
        return name;
    }

    private static void add(List<PlannedFile> files, Asset asset, AssetVersion version, String label, String folder,
            String name, String place) {
        if (version == null) {
            return;
        }
        String path = folder.isEmpty() ? name : folder + "/" + name;
        files.add(new PlannedFile(asset, version, label, path, place));
    }
}
