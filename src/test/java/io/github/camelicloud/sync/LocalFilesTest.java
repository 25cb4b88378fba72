package io.github.camelicloud.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.ItemKind;
import io.github.camelicloud.client.photos.VersionType;
import io.github.camelicloud.sync.SyncOptions.FileMatchPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** icloudpd's existence rules against a folder, including two same-named assets within one pass. */
class LocalFilesTest {

    @TempDir
    Path dir;

    @Test
    void sameNameSameDayInOnePassNeverShareAFile() {
        LocalFiles local = new LocalFiles(dir, "D", FileMatchPolicy.NAME_SIZE_DEDUP_WITH_SUFFIX);
        assertThat(local.place(file("a", 100))).isEqualTo(new LocalFiles.Placement("2020/IMG_1.JPG", false));
        assertThat(local.place(file("b", 200))).isEqualTo(new LocalFiles.Placement("2020/IMG_1-200.JPG", false));
        assertThat(local.place(file("c", 100)).exists()).isTrue(); // same name and size: icloudpd's "already exists"
    }

    @Test
    void existingFilesAndTheLegacyOriginalName() throws Exception {
        Files.createDirectories(dir.resolve("2020"));
        Files.write(dir.resolve("2020/IMG_1-original.JPG"), new byte[100]);
        LocalFiles local = new LocalFiles(dir, "D", FileMatchPolicy.NAME_SIZE_DEDUP_WITH_SUFFIX);
        assertThat(local.place(file("a", 100)).exists()).isTrue();
        assertThatThrownBy(() -> local.resolve("../outside.jpg")).hasMessageContaining("Refusing to write outside");
    }

    private static PlannedFile file(String id, long size) {
        AssetVersion v = new AssetVersion(VersionType.ORIGINAL, size, "c" + id, "public.jpeg", Optional.empty());
        Asset asset = new Asset(id, "r" + id, "t", "PrimarySync", Optional.of("IMG_1.JPG"), Optional.of("public.jpeg"),
                ItemKind.IMAGE, Instant.EPOCH, Optional.empty(), Instant.EPOCH, false, false, false, 0, 0,
                Map.of(VersionType.ORIGINAL, v), null);
        return new PlannedFile(asset, v, "original", "2020/IMG_1.JPG");
    }
}
