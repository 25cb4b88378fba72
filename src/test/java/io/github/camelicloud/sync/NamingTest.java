package io.github.camelicloud.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.ItemKind;
import io.github.camelicloud.client.photos.VersionType;
import io.github.camelicloud.sync.SyncOptions.AlignRaw;
import io.github.camelicloud.sync.SyncOptions.FileMatchPolicy;
import io.github.camelicloud.sync.SyncOptions.LivePhotoMovFilenamePolicy;
import io.github.camelicloud.sync.SyncOptions.LivePhotoSize;
import io.github.camelicloud.sync.SyncOptions.Size;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** icloudpd's naming rules, and that no name from the server can leave the target folder. */
class NamingTest {

    private static final FolderStructure DAYS = FolderStructure.parse(FolderStructure.DEFAULT, ZoneOffset.UTC,
            Locale.ENGLISH);

    @ParameterizedTest
    @ValueSource(strings = {"../../evil.jpg", "a/b.jpg", "..", ".", "/etc/passwd", "..\\..\\x.jpg", "a\u0000b.jpg",
        "tab\there\nnew.jpg", "\u001b[31mred.jpg", "C:\\x.jpg", "...", " .. "})
    void hostileNamesStayInsideTheTarget(String hostile) {
        Path target = Path.of("/photos").toAbsolutePath();
        for (boolean keepUnicode : List.of(true, false)) {
            String name = FileNames.clean(hostile, keepUnicode);
            assertThat(name).doesNotContain("/", "\\", "\0").isNotIn(".", "..", "");
            assertThat(name.chars()).noneMatch(c -> c < 0x20);
            assertThat(target.resolve(name).normalize().getParent()).isEqualTo(target);
        }
    }

    @Test
    void icloudpdCleaningOfTheRecordedBadName() {
        assertThat(FileNames.clean("i/n v:a\0l*i?d\\p<a>t\"h|.JPG", false)).isEqualTo("i_n v_a_l_i_d_p_a_t_h_.JPG");
        assertThat(FileNames.clean("IMG_中文_7409.JPG", false)).isEqualTo("IMG__7409.JPG");
        assertThat(FileNames.clean("IMG_中文_7409.JPG", true)).isEqualTo("IMG_中文_7409.JPG");
    }

    @Test
    void overLongNamesAreCutToTheFileSystemLimitKeepingTheExtension() {
        String name = FileNames.clean("é".repeat(300) + ".HEIC", true);
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(250);
        assertThat(name).endsWith(".HEIC");
    }

    @Test
    void livePhotosAreNamedNextToTheirImage() {
        DownloadPlanner planner = new DownloadPlanner(SyncOptions.defaults().withFolderStructure(DAYS));
        assertThat(paths(planner, live("IMG_0001.HEIC", "public.heic"))).containsExactly("2018/07/31/IMG_0001.HEIC",
                "2018/07/31/IMG_0001_HEVC.MOV");
        assertThat(paths(planner, live("IMG_0002.JPG", "public.jpeg"))).containsExactly("2018/07/31/IMG_0002.JPG",
                "2018/07/31/IMG_0002.MOV");
        DownloadPlanner plainMov = new DownloadPlanner(options(List.of(Size.ORIGINAL), false, LivePhotoSize.MEDIUM,
                LivePhotoMovFilenamePolicy.ORIGINAL, AlignRaw.AS_IS, FileMatchPolicy.NAME_SIZE_DEDUP_WITH_SUFFIX));
        assertThat(paths(plainMov, live("IMG_0001.HEIC", "public.heic"))).containsExactly("2018/07/31/IMG_0001.HEIC",
                "2018/07/31/IMG_0001-medium.MOV");
    }

    @Test
    void sizesFallBackToTheOriginalUnlessForced() {
        Asset photo = asset("IMG_1.JPG", "public.jpeg", ItemKind.IMAGE, Map.of(VersionType.ORIGINAL, v(VersionType.ORIGINAL,
                "public.jpeg"), VersionType.MEDIUM, v(VersionType.MEDIUM, "public.jpeg")));
        assertThat(paths(planner(List.of(Size.MEDIUM, Size.THUMB), false), photo))
                .containsExactly("2018/07/31/IMG_1-medium.JPG", "2018/07/31/IMG_1.JPG");
        assertThat(paths(planner(List.of(Size.THUMB), true), photo)).isEmpty();
        assertThat(paths(planner(List.of(Size.ADJUSTED), false), photo)).containsExactly("2018/07/31/IMG_1.JPG");
    }

    @Test
    void editsAndRawPairsGetASuffixOnlyWhenTheyCollide() {
        Map<VersionType, AssetVersion> versions = new EnumMap<>(VersionType.class);
        versions.put(VersionType.ORIGINAL, v(VersionType.ORIGINAL, "public.jpeg"));
        versions.put(VersionType.ADJUSTED, v(VersionType.ADJUSTED, "public.jpeg"));
        Asset edited = asset("IMG_2.JPG", "public.jpeg", ItemKind.IMAGE, versions);
        assertThat(paths(planner(List.of(Size.ORIGINAL, Size.ADJUSTED), false), edited))
                .containsExactly("2018/07/31/IMG_2.JPG", "2018/07/31/IMG_2-adjusted.JPG");

        Map<VersionType, AssetVersion> pair = new EnumMap<>(VersionType.class);
        pair.put(VersionType.ORIGINAL, v(VersionType.ORIGINAL, "com.canon.cr2-raw-image"));
        pair.put(VersionType.ALTERNATIVE, v(VersionType.ALTERNATIVE, "public.jpeg"));
        Asset raw = asset("IMG_3.CR2", "com.canon.cr2-raw-image", ItemKind.IMAGE, pair);
        assertThat(paths(planner(List.of(Size.ORIGINAL, Size.ALTERNATIVE), false), raw))
                .containsExactly("2018/07/31/IMG_3.CR2", "2018/07/31/IMG_3.JPG");
        DownloadPlanner jpegFirst = new DownloadPlanner(options(List.of(Size.ORIGINAL), false, LivePhotoSize.ORIGINAL,
                LivePhotoMovFilenamePolicy.SUFFIX, AlignRaw.ALTERNATIVE, FileMatchPolicy.NAME_SIZE_DEDUP_WITH_SUFFIX));
        assertThat(jpegFirst.plan(raw)).singleElement().satisfies(f -> {
            assertThat(f.relativePath()).isEqualTo("2018/07/31/IMG_3.JPG");
            assertThat(f.version().fileType()).isEqualTo("public.jpeg");
        });
    }

    @Test
    void nameId7AndFallbackNames() {
        DownloadPlanner id7 = new DownloadPlanner(options(List.of(Size.ORIGINAL), false, LivePhotoSize.ORIGINAL,
                LivePhotoMovFilenamePolicy.SUFFIX, AlignRaw.AS_IS, FileMatchPolicy.NAME_ID7));
        Asset photo = new Asset("AY6c+BsE0jjaXx9tmVGJM1D2VcEO", "r", "t", "PrimarySync", Optional.of("IMG_7409.JPG"),
                Optional.of("public.jpeg"), ItemKind.IMAGE, Instant.parse("2018-07-31T07:22:24Z"), Optional.empty(),
                Instant.EPOCH, false, false, false, 0, 0, Map.of(VersionType.ORIGINAL, v(VersionType.ORIGINAL,
                        "public.jpeg")), null);
        assertThat(paths(id7, photo)).containsExactly("2018/07/31/IMG_7409_QVk2Yyt.JPG");
        Asset nameless = new Asset("AY6c+BsE0jjaXx9tmVGJM1D2VcEO", "r", "t", "PrimarySync", Optional.empty(),
                Optional.of("public.jpeg"), ItemKind.IMAGE, Instant.parse("2018-07-31T07:22:24Z"), Optional.empty(),
                Instant.EPOCH, false, false, false, 0, 0, photo.versions(), null);
        assertThat(paths(planner(List.of(Size.ORIGINAL), false), nameless)).containsExactly("2018/07/31/AY6c_BsE0jja.JPG");
    }

    @Test
    void folderStructures() {
        Instant t = Instant.parse("2018-07-31T07:22:24Z");
        assertThat(FolderStructure.parse("{:%Y/%m/%d}", ZoneId.of("UTC"), Locale.ENGLISH).folderFor(t))
                .isEqualTo("2018/07/31");
        assertThat(FolderStructure.parse("{:%Y/%B}", ZoneId.of("UTC"), Locale.GERMAN).folderFor(t)).isEqualTo("2018/Juli");
        assertThat(FolderStructure.parse("none", ZoneId.of("UTC"), Locale.ENGLISH).folderFor(t)).isEmpty();
        assertThat(FolderStructure.parse("{:%Y}", ZoneId.of("UTC"), Locale.ENGLISH)
                .folderFor(Instant.parse("0005-01-01T00:00:00Z"))).isEqualTo("5");
        assertThat(FolderStructure.parse("{:%Y/%m/%d}", ZoneId.of("UTC"), Locale.ENGLISH)
                .folderFor(Instant.parse("1950-06-01T00:00:00Z"))).isEqualTo("1950/06/01");
        assertThatThrownBy(() -> FolderStructure.parse("{%Y}{%Y}", ZoneId.of("UTC"), Locale.ENGLISH))
                .hasMessage("Format {%Y}{%Y} specified in --folder-structure is incorrect");
    }

    private static DownloadPlanner planner(List<Size> sizes, boolean force) {
        return new DownloadPlanner(options(sizes, force, LivePhotoSize.ORIGINAL, LivePhotoMovFilenamePolicy.SUFFIX,
                AlignRaw.AS_IS, FileMatchPolicy.NAME_SIZE_DEDUP_WITH_SUFFIX));
    }

    private static SyncOptions options(List<Size> sizes, boolean force, LivePhotoSize live,
            LivePhotoMovFilenamePolicy mov, AlignRaw raw, FileMatchPolicy policy) {
        return new SyncOptions(sizes, force, live, mov, raw, policy, false, false, false, false, DAYS);
    }

    private static List<String> paths(DownloadPlanner planner, Asset asset) {
        return planner.plan(asset).stream().map(PlannedFile::relativePath).toList();
    }

    private static Asset live(String name, String type) {
        Map<VersionType, AssetVersion> versions = new EnumMap<>(VersionType.class);
        versions.put(VersionType.ORIGINAL, v(VersionType.ORIGINAL, type));
        versions.put(VersionType.LIVE_ORIGINAL, v(VersionType.LIVE_ORIGINAL, "com.apple.quicktime-movie"));
        versions.put(VersionType.LIVE_MEDIUM, v(VersionType.LIVE_MEDIUM, "com.apple.quicktime-movie"));
        return asset(name, type, ItemKind.IMAGE, versions);
    }

    private static Asset asset(String name, String type, ItemKind kind, Map<VersionType, AssetVersion> versions) {
        return new Asset("id-" + name, "rec", "tag", "PrimarySync", Optional.of(name), Optional.of(type), kind,
                Instant.parse("2018-07-31T07:22:24Z"), Optional.empty(), Instant.EPOCH, false, false, false, 0, 0,
                versions, null);
    }

    private static AssetVersion v(VersionType type, String fileType) {
        return new AssetVersion(type, 100, "sum-" + type, fileType, Optional.of("https://example.invalid/x"));
    }
}
