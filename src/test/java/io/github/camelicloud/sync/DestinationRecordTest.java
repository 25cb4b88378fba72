package io.github.camelicloud.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record file: the first format's keys stay readable, changes survive a restart, one asset per path. */
class DestinationRecordTest {

    @TempDir
    Path dir;

    @Test
    void readsTheFirstFormatAndContinuesInTheNewOne() throws Exception {
        Path file = dir.resolve("s3-0011223344556677.delivered");
        Files.writeString(file, "A1:original:ck1\nA2:original:ck2\n"); // FileIdempotentRepository's lines
        try (DestinationRecord record = DestinationRecord.open(new RecordFile(file))) {
            assertThat(record.legacy("A1:original:ck1")).isTrue();
            assertThat(record.of("A1:original:ck1")).isEmpty(); // sent, to a path no longer known
            record.put(new HeldFile("A1:original:ck1", "2024/IMG.JPG", "aa"));
            record.put(new HeldFile("A3:original:ck3", "2024/IMG-9000.JPG", "bb"));
            record.put(new HeldFile("A4:original:ck4", "2024/GONE.JPG", "cc"));
            record.remove("2024/GONE.JPG");
            // a new version of A3 at another path: the old path is no longer A3's
            record.put(new HeldFile("A3:original:ck3", "2024/IMG-9001.JPG", "dd"));
        }
        try (DestinationRecord record = DestinationRecord.open(new RecordFile(file))) {
            assertThat(record.legacy("A1:original:ck1")).isFalse();
            assertThat(record.legacy("A2:original:ck2")).isTrue();
            assertThat(record.at("2024/IMG.JPG")).hasValue(new HeldFile("A1:original:ck1", "2024/IMG.JPG", "aa"));
            assertThat(record.at("2024/IMG-9000.JPG")).isEmpty();
            assertThat(record.at("2024/GONE.JPG")).isEmpty();
            assertThat(record.ofAsset("A3")).containsExactly(new HeldFile("A3:original:ck3", "2024/IMG-9001.JPG",
                    "dd"));
        }
    }

    @Test
    void aNewRecordFileIsOwnerOnly() throws Exception {
        Path file = dir.resolve("folder.delivered");
        try (DestinationRecord record = DestinationRecord.open(new RecordFile(file))) {
            record.put(new HeldFile("A:original:c", "IMG.JPG", null));
        }
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(HeldFile.assetOf("Ab:c/d+:live-original:x/y=")).isEqualTo("Ab:c/d+");
        assertThat(List.of(Files.readString(file).split("\n"))).containsExactly("A:original:c\tIMG.JPG\t");
    }

    @Test
    void keepsAMetadataFingerprintAndReadsLinesWithoutOne() throws Exception {
        Path file = dir.resolve("folder-0011223344556677.delivered");
        Files.writeString(file, "A1:original:ck1\tIMG_1.JPG\taa\n"); // a line written before fingerprints
        try (DestinationRecord record = DestinationRecord.open(new RecordFile(file))) {
            assertThat(record.at("IMG_1.JPG")).hasValue(new HeldFile("A1:original:ck1", "IMG_1.JPG", "aa", null));
            record.put(record.at("IMG_1.JPG").orElseThrow().rewritten("bb", "f00d"));
            record.put(new HeldFile("A2:original:ck2", "IMG_2.JPG", "cc"));
        }
        assertThat(List.of(Files.readString(file).split("\n"))).containsExactly("A1:original:ck1\tIMG_1.JPG\taa",
                "A1:original:ck1\tIMG_1.JPG\tbb\tf00d", "A2:original:ck2\tIMG_2.JPG\tcc");
        try (DestinationRecord record = DestinationRecord.open(new RecordFile(file))) {
            assertThat(record.at("IMG_1.JPG")).hasValue(new HeldFile("A1:original:ck1", "IMG_1.JPG", "bb", "f00d"));
            assertThat(record.at("IMG_2.JPG").orElseThrow().metadata()).isNull();
        }
    }
}
