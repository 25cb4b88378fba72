package io.github.camelicloud.client.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.session.PrivateFolders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A HAR 1.2 file (what browsers' developer tools save and many viewers read) that is valid JSON after every entry:
 * each entry is written over the closing brackets, which are written again behind it, so a run that is killed
 * still leaves a readable trace. Owner-only from the start. One per path in a process: the accounts of a run
 * that name the same file share it. Entries come already masked ({@link TraceRecorder}).
 */
public final class HarTrace {

    private static final Map<Path, HarTrace> OPEN = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] FOOTER = "\n]}}\n".getBytes(StandardCharsets.UTF_8);

    private final Path file;
    private boolean empty = true;

    private HarTrace(Path file) throws IOException {
        this.file = file;
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Files.deleteIfExists(file); // a new run, a new trace; created owner-only before a byte is written
        Files.createFile(file, PrivateFolders.fileAttributes());
        ObjectNode creator = JSON.createObjectNode().put("name", "camel-icloud").put("version",
                String.valueOf(HarTrace.class.getPackage().getImplementationVersion()));
        String header = "{\"log\":{\"version\":\"1.2\",\"creator\":" + JSON.writeValueAsString(creator)
                + ",\"comment\":\"Secrets are masked as ***: password, SRP values, codes, session and trust tokens,"
                + " cookies, scnt, X-Apple-* session headers, the query strings of signed URLs, account identifiers."
                + " Photo and video bytes are not recorded.\",\"pages\":[],\"entries\":[\n";
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            write(channel, header.getBytes(StandardCharsets.UTF_8));
            write(channel, FOOTER);
        }
    }

    /** The trace at {@code file}, created (emptied) on first use in this process. */
    public static HarTrace open(Path file) {
        Path key = file.toAbsolutePath().normalize();
        return OPEN.computeIfAbsent(key, k -> {
            try {
                return new HarTrace(k);
            } catch (IOException e) {
                throw new ICloudException("Cannot write the trace file " + k + ": " + e.getMessage()
                        + ". Check that its folder exists and is writable.");
            }
        });
    }

    public Path file() {
        return file;
    }

    /** Appends one (masked) entry. A failure to write is reported once per entry and never fails the call. */
    synchronized void append(ObjectNode entry) throws IOException {
        byte[] text = JSON.writeValueAsBytes(entry);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.position(channel.size() - FOOTER.length);
            if (!empty) {
                write(channel, ",\n".getBytes(StandardCharsets.UTF_8));
            }
            write(channel, text);
            write(channel, FOOTER);
        }
        empty = false;
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
