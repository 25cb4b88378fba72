package io.github.camelicloud.sync;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * icloudpd's options that decide which versions are downloaded and how they are named, with icloudpd's
 * defaults. Immutable; {@link #defaults()} then {@code with…} copies.
 */
public record SyncOptions(List<Size> sizes, boolean forceSize, LivePhotoSize livePhotoSize,
        LivePhotoMovFilenamePolicy movFilenamePolicy, AlignRaw alignRaw, FileMatchPolicy fileMatchPolicy,
        boolean keepUnicode, boolean skipVideos, boolean skipPhotos, boolean skipLivePhotos,
        FolderStructure folderStructure) {

    public SyncOptions {
        sizes = List.copyOf(sizes);
        if (sizes.isEmpty()) {
            sizes = List.of(Size.ORIGINAL);
        }
        Objects.requireNonNull(folderStructure, "folderStructure");
    }

    public static SyncOptions defaults() {
        return new SyncOptions(List.of(Size.ORIGINAL), false, LivePhotoSize.ORIGINAL,
                LivePhotoMovFilenamePolicy.SUFFIX, AlignRaw.AS_IS, FileMatchPolicy.NAME_SIZE_DEDUP_WITH_SUFFIX, false,
                false, false, false, FolderStructure.parse(FolderStructure.DEFAULT, java.time.ZoneId.systemDefault(),
                        Locale.ENGLISH));
    }

    public SyncOptions withFolderStructure(FolderStructure f) {
        return new SyncOptions(sizes, forceSize, livePhotoSize, movFilenamePolicy, alignRaw, fileMatchPolicy,
                keepUnicode, skipVideos, skipPhotos, skipLivePhotos, f);
    }

    /** The command-line spelling of an enum constant: lower case with dashes. */
    static String cli(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code --size} */
    public enum Size {
        ORIGINAL, MEDIUM, THUMB, ADJUSTED, ALTERNATIVE;

        @Override
        public String toString() {
            return cli(this);
        }
    }

    /** {@code --live-photo-size} */
    public enum LivePhotoSize {
        ORIGINAL, MEDIUM, THUMB;

        @Override
        public String toString() {
            return cli(this);
        }
    }

    /** {@code --live-photo-mov-filename-policy}: {@code IMG_1_HEVC.MOV} for HEIC photos, or always {@code .MOV}. */
    public enum LivePhotoMovFilenamePolicy {
        SUFFIX, ORIGINAL;

        @Override
        public String toString() {
            return cli(this);
        }
    }

    /** {@code --align-raw}: which of a RAW+JPEG pair counts as the original. */
    public enum AlignRaw {
        AS_IS, ORIGINAL, ALTERNATIVE;

        @Override
        public String toString() {
            return cli(this);
        }
    }

    /** {@code --file-match-policy} */
    public enum FileMatchPolicy {
        NAME_SIZE_DEDUP_WITH_SUFFIX, NAME_ID7;

        @Override
        public String toString() {
            return cli(this);
        }
    }
}
