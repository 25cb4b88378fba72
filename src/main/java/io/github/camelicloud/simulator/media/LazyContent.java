package io.github.camelicloud.simulator.media;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.util.function.Supplier;

/**
 * Content whose size is fixed up front but whose structure (an encoded image, box headers) is built on
 * first use and kept only softly: a library of 100,000 assets costs a few bytes per version until read.
 */
final class LazyContent implements Content {

    private final long size;
    private final Supplier<Content> builder;
    /** Null until first read: a SoftReference per version of a 100,000-asset library would be wasted. */
    private SoftReference<Content> built;

    LazyContent(long size, Supplier<Content> builder) {
        this.size = size;
        this.builder = builder;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out, long offset, long length) throws IOException {
        Content.checkSlice(offset, length, size);
        built().writeTo(out, offset, length);
    }

    private synchronized Content built() {
        Content content = built == null ? null : built.get();
        if (content == null) {
            content = builder.get();
            if (content.size() != size) {
                throw new IllegalStateException("built " + content.size() + " bytes, promised " + size);
            }
            built = new SoftReference<>(content);
        }
        return content;
    }
}
