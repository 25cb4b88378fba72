package io.github.camelicloud.client.photos.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.testing.Cassettes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata of Apple's recorded CPLAssets (icloudpd's cassettes). */
class RecordedMetadataTest {

    @Test
    void everyRecordedAssetParses() {
        int assets = 0;
        for (var cassette : Cassettes.all()) {
            for (RecordedAssets.Pair pair : RecordedAssets.pairs(cassette)) {
                assertThat(pair.metadata()).as(pair.assetName()).isNotNull();
                assets++;
            }
        }
        assertThat(assets).isGreaterThan(500);
    }

    @Test
    void theLivePhotoOfListingPhotos() {
        AssetMetadata m = RecordedAssets.find("listing_photos", "F2A23C38-0020-42FE-A273-2923ADE3CAED").metadata();

        assertThat(m.created()).contains(Instant.parse("2018-07-31T07:22:24.816Z"));
        assertThat(m.createdOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(m.latitude()).contains(18.82285);
        assertThat(m.longitude()).contains(98.96340333333333);
        assertThat(m.altitude()).contains(326.9550561797753);
        assertThat(m.speed()).contains(0.0);
        assertThat(m.gpsTimestamp()).contains(LocalDateTime.of(2001, 1, 1, 0, 0));
        assertThat(m.orientation()).as("the plain orientation field is not used").isEmpty();
        assertThat(m.screenshot()).isFalse();
    }

    @Test
    void screenshotsKeywordsAndFlags() {
        List<RecordedAssets.Pair> listing = RecordedAssets.of("listing_photos");
        assertThat(listing.stream().filter(p -> p.metadata().screenshot()).count()).isEqualTo(8);
        assertThat(RecordedAssets.find("listing_photos", "F077877D-FF64-427D-9143-AFB7201932C4").metadata().keywords())
                .as("an empty binary-plist array").isEmpty();
        assertThat(RecordedAssets.find("download_autodelete_photos_part1", "6ECE79D0-0A4B-48A9-9FC6-5FB6B1CC6420")
                .metadata().favorite()).isTrue();
        assertThat(RecordedAssets.find("download_autodelete_photos_part2", "A5A7C0F1-BE37-46D8-9A99-400AD6DC2351")
                .metadata().deleted()).isTrue();
    }
}
