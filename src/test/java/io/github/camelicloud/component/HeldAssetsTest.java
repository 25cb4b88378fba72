package io.github.camelicloud.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.ItemKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An asset placed in several album folders counts as held only if every placement holds it, in any order. */
class HeldAssetsTest {

    @Test
    void onePlacementMissingRulesTheAssetOutWhicheverComesFirst() {
        HeldAssets held = new HeldAssets();
        held.add(List.of(outcome("a", false, false, "first"), outcome("b", true, true, null)));
        held.add(List.of(outcome("a", true, true, null), outcome("b", false, false, "second")));
        assertThat(held.held()).isEmpty();
    }

    @Test
    void heldEverywhereIsDownloadedIfAnyPlacementWasAndProvesEveryPlacement() {
        HeldAssets held = new HeldAssets();
        held.add(List.of(outcome("a", true, false, null)));
        held.add(List.of(outcome("a", true, true, "the second folder lost it")));
        assertThat(held.held()).singleElement().satisfies(o -> {
            assertThat(o.downloaded()).isTrue();
            assertThat(o.proof().unproven()).contains("the second folder lost it");
        });
    }

    private static AssetOutcome outcome(String id, boolean isHeld, boolean downloaded, String unproven) {
        Asset asset = new Asset(id, id + "-asset", "", "PrimarySync", Optional.of(id + ".JPG"),
                Optional.of("public.jpeg"), ItemKind.IMAGE, Instant.EPOCH, Optional.empty(), Instant.EPOCH, false,
                false, false, 0, 0, Map.of(), null);
        return new AssetOutcome(asset, id + ".JPG", isHeld, downloaded, () -> Optional.ofNullable(unproven));
    }
}
