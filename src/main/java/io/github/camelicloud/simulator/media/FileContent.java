package io.github.camelicloud.simulator.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A real file from {@code --library-dir}; its size is taken once, when the library is built. */
public final class FileContent implements Content {

    private final Path file;
    private final long size;

    public FileContent(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void writeTo(OutputStream out, long offset, long length) throws IOException {
        Content.checkSlice(offset, length, size);
        byte[] buffer = new byte[Noise.BLOCK];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = offset;
            long end = offset + length;
            while (position < end) {
                wrapped.clear().limit((int) Math.min(buffer.length, end - position));
                int read = channel.read(wrapped, position);
                if (read < 0) {
                    throw new IOException(file + " shrank below " + size + " bytes while being served");
                }
                out.write(buffer, 0, read);
                position += read;
            }
        }
    }
}
