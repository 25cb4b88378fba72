package io.github.camelicloud.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.ItemKind;
import io.github.camelicloud.client.photos.VersionType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The naming rule against a folder: the record first, icloudpd's rules for files no record explains. */
class LocalFilesTest {

    @TempDir
    Path dir;

    @Test
    void sameNameSameDayInOnePassNeverShareAFile() {
        LocalFiles local = new LocalFiles(dir, "D");
        assertThat(local.place(file("a", 100))).isEqualTo(new Placement("2020/IMG_1.JPG", false));
        assertThat(local.place(file("b", 200))).isEqualTo(new Placement("2020/IMG_1-200.JPG", false));
        // same name and size, another asset: a name of its own, never "already there"
        assertThat(local.place(file("c", 100))).isEqualTo(new Placement("2020/IMG_1-100.JPG", false));
        assertThat(local.place(file("d", 100)).relativePath()).startsWith("2020/IMG_1-100_").endsWith(".JPG");
    }

    @Test
    void aRecordedFileIsThereForItsAssetOnlyAndComesBackUnderItsNameWhenDeleted() throws Exception {
        DestinationRecord record = DestinationRecord.inMemory();
        Files.createDirectories(dir.resolve("2020"));
        Files.write(dir.resolve("2020/IMG_1.JPG"), new byte[100]);
        record.put(new HeldFile(Delivery.keyOf(file("a", 100)), "2020/IMG_1.JPG", "00"));
        LocalFiles local = new LocalFiles(dir, "D", record);
        assertThat(local.place(file("a", 100))).isEqualTo(new Placement("2020/IMG_1.JPG", true));
        assertThat(local.place(file("c", 100))).isEqualTo(new Placement("2020/IMG_1-100.JPG", false));

        Files.delete(dir.resolve("2020/IMG_1.JPG"));
        LocalFiles next = new LocalFiles(dir, "D", record);
        assertThat(next.place(file("a", 100))).isEqualTo(new Placement("2020/IMG_1.JPG", false));
    }

    @Test
    void filesNoRecordExplainsFollowIcloudpdsRules() throws Exception {
        Files.createDirectories(dir.resolve("2020"));
        Files.write(dir.resolve("2020/IMG_1-original.JPG"), new byte[100]);
        LocalFiles local = new LocalFiles(dir, "D");
        assertThat(local.place(file("a", 100))).isEqualTo(new Placement("2020/IMG_1-original.JPG", true));
        Files.write(dir.resolve("2020/IMG_1.JPG"), new byte[300]);
        assertThat(local.place(file("b", 200))).isEqualTo(new Placement("2020/IMG_1-200.JPG", false));
        assertThatThrownBy(() -> local.resolve("../outside.jpg")).hasMessageContaining("Refusing to write outside");
    }

    @Test
    void proofReadsTheBytesBack() throws Exception {
        LocalFiles local = new LocalFiles(dir, "D");
        PlannedFile a = file("a", 3);
        Placement p = local.place(a);
        Files.createDirectories(dir.resolve("2020"));
        Files.write(dir.resolve(p.relativePath()), new byte[] {1, 2, 3});
        local.delivered(new Delivery(a, p.relativePath()), null);
        assertThat(local.unproven("a")).isEmpty();
        Files.write(dir.resolve(p.relativePath()), new byte[] {1, 2, 4});
        assertThat(local.unproven("a")).hasValue("D: 2020/IMG_1.JPG does not hold the bytes that were downloaded");
        assertThat(local.unproven("b")).isPresent();
    }

    @Test
    void theHashOfTheWrittenBytesIsRecordedWithoutReadingTheFileBack() throws Exception {
        DestinationRecord record = DestinationRecord.inMemory();
        LocalFiles local = new LocalFiles(dir, "D", record);
        PlannedFile a = file("a", 3);
        Placement p = local.place(a);
        Files.createDirectories(dir.resolve("2020"));
        Files.write(dir.resolve(p.relativePath()), new byte[] {1, 2, 3});
        String written = Sha256.of(dir.resolve(p.relativePath()));
        Files.delete(dir.resolve(p.relativePath())); // unreadable now: only the given hash can be recorded

        local.delivered(new Delivery(a, p.relativePath()), written);

        assertThat(record.of(Delivery.keyOf(a))).map(HeldFile::sha256).hasValue(written);
    }

    private static PlannedFile file(String id, long size) {
        AssetVersion v = new AssetVersion(VersionType.ORIGINAL, size, "c" + id, "public.jpeg", Optional.empty());
        Asset asset = new Asset(id, "r" + id, "t", "PrimarySync", Optional.of("IMG_1.JPG"), Optional.of("public.jpeg"),
                ItemKind.IMAGE, Instant.EPOCH, Optional.empty(), Instant.EPOCH, false, false, false, 0, 0,
                Map.of(VersionType.ORIGINAL, v), null);
        return new PlannedFile(asset, v, "original", "2020/IMG_1.JPG");
    }
}
