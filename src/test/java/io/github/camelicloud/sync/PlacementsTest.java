package io.github.camelicloud.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.ItemKind;
import io.github.camelicloud.client.photos.VersionType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * A run killed in the middle of an upload may leave an empty or partial object under the final name (S3Proxy keeps
 * one): the file, recorded as being written before its upload, is sent again to that name by the next pass (on any
 * node), while an object nobody recorded stays someone else's.
 */
class PlacementsTest {

    private static final String PATH = "2020/IMG_1.JPG";

    private final Map<String, Long> bucket = new HashMap<>();

    private Placements placements(DestinationRecord record) {
        return new Placements(record, p -> bucket.containsKey(p) ? OptionalLong.of(bucket.get(p))
                : OptionalLong.empty(), false, false);
    }

    @Test
    void aFileRecordedAsBeingWrittenIsSentAgainOverTheLeftoverOfAKilledUpload() throws Exception {
        PlannedFile file = file(3000);
        DestinationRecord record = DestinationRecord.inMemory();
        record.put(HeldFile.writing(Delivery.keyOf(file), PATH)); // the killed node's claim
        bucket.put(PATH, 0L); // and what its upload left

        Placement again = placements(record).place(file);

        assertThat(again.relativePath()).isEqualTo(PATH);
        assertThat(again.exists()).as("delivered").isFalse();
        assertThat(record.prove("a", "S3", f -> Optional.empty())).as("a claim proves nothing").isPresent();
        assertThat(record.sameContent(Delivery.keyOf(file) + "x")).isEmpty();
    }

    @Test
    void anObjectNobodyRecordedIsNeitherTakenForTheFileNorOverwritten() throws Exception {
        PlannedFile file = file(3000);
        bucket.put(PATH, 10L);

        Placement placed = placements(DestinationRecord.inMemory()).place(file);

        assertThat(placed.relativePath()).isEqualTo("2020/IMG_1-3000.JPG");
        assertThat(placed.exists()).isFalse();
    }

    private static PlannedFile file(long size) {
        AssetVersion v = new AssetVersion(VersionType.ORIGINAL, size, "ca", "public.jpeg", Optional.empty());
        Asset asset = new Asset("a", "ra", "t", "PrimarySync", Optional.of("IMG_1.JPG"), Optional.of("public.jpeg"),
                ItemKind.IMAGE, Instant.EPOCH, Optional.empty(), Instant.EPOCH, false, false, false, 0, 0,
                Map.of(VersionType.ORIGINAL, v), null);
        return new PlannedFile(asset, v, "original", PATH);
    }
}
