package io.github.camelicloud.simulator.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/** Parts one after the other (a header, padding segments, the rest); slices are found by binary search. */
final class ConcatContent implements Content {

    private final Content[] parts;
    private final long[] starts;
    private final long size;

    ConcatContent(List<Content> list) {
        parts = list.toArray(Content[]::new);
        starts = new long[parts.length];
        long position = 0;
        for (int i = 0; i < parts.length; i++) {
            starts[i] = position;
            position += parts[i].size();
        }
        size = position;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out, long offset, long length) throws IOException {
        Content.checkSlice(offset, length, size);
        if (length == 0) {
            return;
        }
        int index = Arrays.binarySearch(starts, offset);
        if (index < 0) {
            index = -index - 2;
        }
        long position = offset;
        long end = offset + length;
        for (int i = index; i < parts.length && position < end; i++) {
            long local = position - starts[i];
            long count = Math.min(parts[i].size() - local, end - position);
            if (count > 0) {
                parts[i].writeTo(out, local, count);
                position += count;
            }
        }
    }
}
