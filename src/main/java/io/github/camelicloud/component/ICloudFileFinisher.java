package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.sync.LocalFiles;
import io.github.camelicloud.sync.metadata.ExifDateTime;
import io.github.camelicloud.sync.metadata.MetadataEmbedder;
import io.github.camelicloud.sync.metadata.XmpSidecar;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After {@code file:} wrote a photo: icloudpd's {@code --set-exif-datetime} (a JPEG without an EXIF date
 * gets the creation time), {@code --embed-metadata} (iCloud's title, description, keywords, rating, date and
 * location written into JPEGs and movies) and {@code --xmp-sidecar} ({@code IMG.JPG.xmp} next to it). A failure
 * here is logged and never loses the photo.
 */
public final class ICloudFileFinisher implements Processor, LocalFiles.MetadataRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudFileFinisher.class);
    /** Starts with "icloudpd" so that icloudpd, sharing the folder, may rewrite our sidecars and we its. */
    public static final String XMP_TOOLKIT = "icloudpd 1.32.2+camel-icloud";
    /**
     * Exchange property: writing the file's metadata failed (a damaged JPEG); the file is delivered as downloaded,
     * its record keeps the metadata pending and the pass counts it failed.
     */
    public static final String METADATA_FAILED = "CamelICloudMetadataFailed";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssZ", Locale.ROOT);

    private final boolean setExifDatetime;
    private final boolean embedMetadata;
    private final boolean xmpSidecar;
    private final String shownRoot;
    private final ExifDateTime exif = new ExifDateTime();
    private final XmpSidecar xmp = new XmpSidecar(XMP_TOOLKIT);
    private final MetadataEmbedder embedder = new MetadataEmbedder();

    /** @param shownRoot the target folder as the user wrote it, for log lines */
    public ICloudFileFinisher(boolean setExifDatetime, boolean embedMetadata, boolean xmpSidecar, String shownRoot) {
        this.setExifDatetime = setExifDatetime;
        this.embedMetadata = embedMetadata;
        this.xmpSidecar = xmpSidecar;
        this.shownRoot = shownRoot;
    }

    @Override
    public void process(Exchange exchange) {
        finish(exchange);
    }

    /**
     * As {@link #process}; true when the file's bytes may have changed (an EXIF date or metadata written into it, or
     * an attempt that failed half way), so a hash of the downloaded bytes no longer describes it.
     */
    public boolean finish(Exchange exchange) {
        Asset asset = exchange.getMessage().getHeader(ICloudConstants.ASSET, Asset.class);
        String written = exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
        String version = exchange.getMessage().getHeader(ICloudConstants.VERSION, "", String.class);
        if (asset == null || written == null || version.startsWith("live-")) {
            return false;
        }
        Path file = Path.of(written);
        String shown = shownRoot + "/" + exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        boolean changed = false;
        if (setExifDatetime && isJpeg(file)) {
            changed = setExifDate(file, shown, asset);
        }
        // an album copy is a hard link to (or a copy of) a file that has them already; rewriting would unlink it
        if (embedMetadata && exchange.getProperty(ICloudConstants.COPY_OF) == null) {
            changed |= embed(file, shown, asset, exchange);
        }
        if (xmpSidecar) {
            try {
                xmp.write(file, asset.metadata());
            } catch (IOException e) {
                LOG.error("Error writing XMP sidecar for {}: {}", shown, e.getMessage());
                exchange.setProperty(METADATA_FAILED, true);
            }
        }
        return changed;
    }

    @Override
    public Optional<String> fingerprint(Asset asset) {
        return embedMetadata || xmpSidecar ? Optional.of(MetadataEmbedder.fingerprint(asset.metadata()))
                : Optional.empty();
    }

    /** A metadata-only change in iCloud: the file's metadata and its sidecar rewritten in place, nothing downloaded. */
    @Override
    public boolean rewrite(Path file, String shown, Asset asset) throws IOException {
        boolean written = embedMetadata && embedder.embed(file, asset.metadata()) == MetadataEmbedder.Outcome.EMBEDDED;
        if (xmpSidecar) {
            xmp.write(file, asset.metadata());
            written = true;
        }
        if (written) { // false only for a format nothing is embedded in (PNG, RAW, ...) and no sidecar
            LOG.info("Updated the metadata of {}", shown);
        }
        return written;
    }

    /**
     * @return whether the file may have changed; a failure marks the exchange {@code METADATA_FAILED} (the file is
     *         kept as downloaded)
     */
    private boolean embed(Path file, String shown, Asset asset, Exchange exchange) {
        try {
            if (embedder.embed(file, asset.metadata()) == MetadataEmbedder.Outcome.EMBEDDED) {
                LOG.debug("Embedded iCloud metadata in {}", shown);
                return true;
            }
            return false;
        } catch (IOException e) {
            LOG.error("Error embedding metadata in {} (the file is kept as downloaded; its metadata is written on the"
                    + " next run): {}", shown, e.getMessage());
            exchange.setProperty(METADATA_FAILED, true);
            return true;
        }
    }

    /** @return whether the file may have changed */
    private boolean setExifDate(Path file, String shown, Asset asset) {
        Optional<LocalDateTime> existing;
        try {
            existing = exif.read(file);
        } catch (IOException e) {
            LOG.debug("Error fetching EXIF data for {}: {}", shown, e.getMessage());
            LOG.error("Error fetching EXIF data for {}", shown);
            existing = Optional.empty();
        }
        if (existing.isPresent()) {
            return false;
        }
        ZonedDateTime created = asset.created().atZone(ZoneId.systemDefault());
        LOG.debug("Setting EXIF timestamp for {}: {}", shown, SHOWN.format(created));
        try {
            exif.setDateTimeOriginal(file, created.toLocalDateTime());
        } catch (IOException e) {
            LOG.error("Error setting EXIF data for {}: {}", shown, e.getMessage());
        }
        return true;
    }

    private static boolean isJpeg(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
