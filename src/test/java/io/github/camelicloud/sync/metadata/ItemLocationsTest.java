package io.github.camelicloud.sync.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelicloud.sync.metadata.ItemLocations.Extent;
import io.github.camelicloud.sync.metadata.ItemLocations.Item;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The iloc box read, shifted and written back in each version and field size. */
class ItemLocationsTest {

    @Test
    void version2WithBaseOffsetsAndIndexesKeepsEverythingAndShiftsOnlyFileDataPastThePoint() throws IOException {
        // v2, offset 4, length 4, base 8, index 4; three items: file data past 1000, file data before, idat
        ByteBuffer b = ByteBuffer.allocate(200);
        b.put(new byte[] {2, 0, 0, 0}).putShort((short) 0x4484).putInt(3);
        b.putInt(70000).putShort((short) 0).putShort((short) 0).putLong(5000).putShort((short) 2)
                .putInt(0).putInt(10).putInt(20).putInt(1).putInt(30).putInt(40);
        b.putInt(2).putShort((short) 0).putShort((short) 0).putLong(100).putShort((short) 1).putInt(0).putInt(5)
                .putInt(6);
        b.putInt(3).putShort((short) 1).putShort((short) 0).putLong(0).putShort((short) 1).putInt(0).putInt(2)
                .putInt(4);
        ItemLocations parsed = ItemLocations.parse(new BoxData(b.array(), 0, b.position(), "iloc"));

        ItemLocations shifted = parsed.shifted(1000, 64);
        ItemLocations again = reparse(shifted.toBox());

        Item far = again.item(70000);
        assertThat(far.baseOffset()).isEqualTo(5064);
        assertThat(far.extents()).containsExactly(new Extent(0, 10, 20), new Extent(1, 30, 40));
        assertThat(again.item(2).baseOffset()).isEqualTo(100);
        assertThat(again.item(2).extents()).containsExactly(new Extent(0, 5, 6));
        assertThat(again.item(3).method()).isEqualTo(1);
        assertThat(again.item(3).extents()).containsExactly(new Extent(0, 2, 4));
    }

    @Test
    void offsetsPast4GbWidenTheFieldsAndNewItemsAreAdded() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(30);
        b.put(new byte[] {0, 0, 0, 0}).putShort((short) 0x4400).putShort((short) 1);
        b.putShort((short) 1).putShort((short) 0).putShort((short) 1).putInt(0xFFFFFF00).putInt(16);
        ItemLocations parsed = ItemLocations.parse(new BoxData(b.array(), 0, b.position(), "iloc"));

        ItemLocations grown = reparse(parsed.shifted(100, 0x200).with(7, 5_000_000_000L, 99).toBox());

        assertThat(grown.item(1).extents()).containsExactly(new Extent(0, 0xFFFFFF00L + 0x200, 16));
        assertThat(grown.item(7).extents()).containsExactly(new Extent(0, 5_000_000_000L, 99));
        assertThat(grown.items().keySet()).containsExactly(1L, 7L);
    }

    @Test
    void hostileCountsAndSizesAreRefused() {
        byte[] manyItems = ByteBuffer.allocate(12).put(new byte[] {2, 0, 0, 0}).putShort((short) 0x4400)
                .putInt(-1).putShort((short) 0).array();
        assertThatThrownBy(() -> ItemLocations.parse(new BoxData(manyItems, 0, manyItems.length, "iloc")))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot fit");
        byte[] badSize = ByteBuffer.allocate(8).put(new byte[] {1, 0, 0, 0}).putShort((short) 0x2400)
                .putShort((short) 0).array();
        assertThatThrownBy(() -> ItemLocations.parse(new BoxData(badSize, 0, badSize.length, "iloc")))
                .isInstanceOf(IOException.class).hasMessageContaining("field size of 2");
        byte[] version3 = {3, 0, 0, 0, 0x44, 0, 0, 0};
        assertThatThrownBy(() -> ItemLocations.parse(new BoxData(version3, 0, version3.length, "iloc")))
                .isInstanceOf(IOException.class).hasMessageContaining("version 3");
        // empty extents (all sizes 0) cost no bytes: their number is capped instead
        ByteBuffer empty = ByteBuffer.allocate(4 + 2 + 4 + 40 * 10);
        empty.put(new byte[] {2, 0, 0, 0}).putShort((short) 0).putInt(40);
        for (int i = 0; i < 40; i++) {
            empty.putInt(i + 1).putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF);
        }
        assertThatThrownBy(() -> ItemLocations.parse(new BoxData(empty.array(), 0, empty.position(), "iloc")))
                .isInstanceOf(IOException.class).hasMessageContaining("extents");
    }

    private static ItemLocations reparse(byte[] box) throws IOException {
        assertThat(new String(box, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("iloc");
        return ItemLocations.parse(new BoxData(box, 8, box.length - 8, "iloc"));
    }
}
