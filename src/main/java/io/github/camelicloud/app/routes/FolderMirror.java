package io.github.camelicloud.app.routes;

import io.github.camelicloud.component.ICloudConstants;
import io.github.camelicloud.component.ICloudEndpoint;
import io.github.camelicloud.component.ICloudFileFinisher;
import io.github.camelicloud.component.ICloudPartFile;
import io.github.camelicloud.sync.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;

/**
 * A local folder in icloudpd's layout as the destination of a route — the one folder destination of the CLI
 * ({@code --directory}) and of the bundled YAML route alike. Named twice by its route: {@code routePolicy} (when
 * the route is created: the consumer learns the folder, so it plans against what the folder holds and resumes
 * part files) and a {@code process} step (the write).
 *
 * <p>A file is written as icloudpd does: appended to {@code <base32 checksum>.part} next to its final name (a
 * killed run's bytes are resumed by the next run with a Range request), given the photo's creation time, renamed
 * once it holds every byte (never a short file under the photo's name), then {@code setExifDatetime},
 * {@code embedMetadata} and {@code xmpSidecar}. A write that failed before its first byte leaves no empty part behind.
 */
public class FolderMirror extends RoutePolicySupport implements Processor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FolderMirror.class);
    /** Bytes per write to the part file (issue 16: 8 KB writes were 205K write calls for 1.62 GB, 32 KB 52K). */
    static final int BLOCK = 32 * 1024;

    private String directory;
    private boolean setExifDatetime;
    private boolean embedMetadata;
    private boolean xmpSidecar;

    private Path root;
    private ICloudPartFile complete;
    private ICloudFileFinisher finisher;

    @Override
    public synchronized void onInit(Route route) {
        if (!(route.getEndpoint() instanceof ICloudEndpoint icloud)) {
            throw new IllegalArgumentException("Route " + route.getRouteId() + ": a FolderMirror writes what an"
                    + " icloud: consumer reads; the route starts from " + route.getEndpoint());
        }
        if (directory == null || directory.isBlank()) {
            throw new IllegalArgumentException("Route " + route.getRouteId() + ": the folder has no directory (check"
                    + " file.directory in application.properties, or --directory)");
        }
        root = Path.of(directory).toAbsolutePath().normalize();
        complete = new ICloudPartFile(root);
        finisher = new ICloudFileFinisher(setExifDatetime, embedMetadata, xmpSidecar, directory);
        icloud.getConfiguration().setDirectory(directory);
        icloud.getConfiguration().setResumePartialDownloads(true);
        icloud.setDestinationName(directory);
        if (embedMetadata || xmpSidecar) { // a metadata-only change in iCloud is rewritten into the files
            icloud.setMetadataRefresh(finisher);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (root == null) {
            throw new IllegalStateException("FolderMirror is used by a route that does not name it as its"
                    + " routePolicy");
        }
        Message m = exchange.getMessage();
        Path part = inside(m.getHeader(ICloudConstants.PART_FILE, String.class));
        if (linked(m, part)) {
            exchange.setProperty(ICloudConstants.COPY_OF, m.getHeader(ICloudConstants.COPY_OF));
            Path target = inside(m.getHeader(Exchange.FILE_NAME, String.class));
            Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            m.setHeader(Exchange.FILE_NAME_PRODUCED, target.toString());
            finisher.process(exchange);
            return;
        }
        MessageDigest written = Sha256.digest();
        try {
            Files.createDirectories(part.getParent());
            hashResumedBytes(part, written);
            try (InputStream in = m.getMandatoryBody(InputStream.class);
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND)) {
                copy(in, out, written);
            }
        } catch (Exception e) {
            if (Files.isRegularFile(part) && Files.size(part) == 0) {
                Files.delete(part); // nothing to resume
            }
            throw e;
        }
        Long modified = m.getHeader(Exchange.FILE_LAST_MODIFIED, Long.class);
        if (modified != null) {
            Files.setLastModifiedTime(part, FileTime.fromMillis(modified));
        }
        complete.process(exchange);
        if (!finisher.finish(exchange)) { // the bytes on disk are the ones hashed: the record needs no read-back
            m.setHeader(ICloudConstants.WRITTEN_SHA256, HexFormat.of().formatHex(written.digest()));
        }
    }

    /**
     * Copies the download into the part file in blocks of {@link #BLOCK} bytes, hashing each block as it is written
     * (one pass over the bytes). A socket read gives at most one 8 KB segment, so a block is filled from several
     * reads: 4 times fewer write calls than {@code transferTo}'s 8 KB. What was read before a failure is written
     * (the part file keeps every byte received, for the next run to resume from).
     */
    static void copy(InputStream in, OutputStream out, MessageDigest digest) throws IOException {
        byte[] block = new byte[BLOCK];
        int filled = 0;
        try {
            for (int n; (n = in.read(block, filled, BLOCK - filled)) >= 0; ) {
                filled += n;
                if (filled == BLOCK) {
                    digest.update(block, 0, filled);
                    out.write(block, 0, filled);
                    filled = 0;
                }
            }
        } finally {
            if (filled > 0) {
                digest.update(block, 0, filled);
                out.write(block, 0, filled);
            }
        }
    }

    /** A part file an earlier run left: its bytes start the file, so they start the hash. */
    private static void hashResumedBytes(Path part, MessageDigest digest) throws IOException {
        if (!Files.isRegularFile(part) || Files.size(part) == 0) {
            return;
        }
        try (InputStream in = Files.newInputStream(part)) {
            byte[] block = new byte[BLOCK];
            for (int n; (n = in.read(block)) >= 0; ) {
                digest.update(block, 0, n);
            }
        }
    }

    /**
     * Under {@code {album}}: the photo's copy in another album folder is a hard link to the file there (one copy of
     * the bytes), or a local copy where the file system has no links; the download is never opened. False when
     * there is nothing to link (the body is written as usual).
     */
    private boolean linked(Message m, Path part) throws IOException {
        String copyOf = m.getHeader(ICloudConstants.COPY_OF, String.class);
        if (copyOf == null) {
            return false;
        }
        Path source = inside(copyOf);
        if (!Files.isRegularFile(source)) {
            return false;
        }
        Files.createDirectories(part.getParent());
        Files.deleteIfExists(part);
        try {
            Files.createLink(part, source);
            LOG.debug("Linked {} to {}", m.getHeader(ICloudConstants.RELATIVE_PATH), copyOf);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, part);
            LOG.debug("Copied {} to {} (no hard link: {})", copyOf, m.getHeader(ICloudConstants.RELATIVE_PATH),
                    e.getMessage());
        }
        return true;
    }

    private Path inside(String relative) throws IOException {
        if (relative == null) {
            throw new IOException("No part file name: the icloud: endpoint of this route does not know the folder");
        }
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IOException("Refusing to write outside " + root + ": " + relative);
        }
        return path;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public void setSetExifDatetime(boolean setExifDatetime) {
        this.setExifDatetime = setExifDatetime;
    }

    public void setEmbedMetadata(boolean embedMetadata) {
        this.embedMetadata = embedMetadata;
    }

    public void setXmpSidecar(boolean xmpSidecar) {
        this.xmpSidecar = xmpSidecar;
    }
}
