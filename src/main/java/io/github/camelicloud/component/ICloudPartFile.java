package io.github.camelicloud.component;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * After {@code file:} appended a download to its part file ({@code CamelICloudPartFile}, with
 * {@code resumePartialDownloads}): renames it to the file's name once it holds every byte, so a file under its
 * final name is always whole; a short part stays for the next run to resume. Points
 * {@code CamelFileNameProduced} at the final file for the processors that follow.
 */
public final class ICloudPartFile implements Processor {

    private final Path root;

    public ICloudPartFile(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Message m = exchange.getMessage();
        String part = m.getHeader(ICloudConstants.PART_FILE, String.class);
        if (part == null) {
            return;
        }
        Path from = inside(part);
        Path to = inside(m.getHeader(Exchange.FILE_NAME, String.class));
        long expected = m.getHeader(ICloudConstants.SIZE, -1L, Long.class);
        long have = Files.size(from);
        if (expected >= 0 && have != expected) {
            throw new IOException(to + " is incomplete (" + have + " of " + expected + " bytes); the next run resumes it");
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        m.setHeader(Exchange.FILE_NAME_PRODUCED, to.toString());
    }

    private Path inside(String relative) throws IOException {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IOException("Refusing to write outside " + root + ": " + relative);
        }
        return path;
    }
}
