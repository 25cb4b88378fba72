package io.github.camelicloud.sync.metadata;

import io.github.camelicloud.client.photos.metadata.AssetMetadata;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --embed-metadata}: writes an asset's iCloud metadata (title, description, keywords, favourite as rating,
 * capture date, GPS) into the file itself, without re-encoding: JPEG (EXIF and XMP), QuickTime/MP4 (XMP and
 * {@code ©xyz}) and HEIF/HEIC (Exif and XMP items). The format is told by content, not by name. Every other format
 * (PNG, RAW, ...) is left as it is (an XMP sidecar carries its metadata). The file is replaced atomically and keeps its modification time; on
 * any error it is left untouched.
 */
public final class MetadataEmbedder {

    /** What {@link #embed} did. */
    public enum Outcome {
        EMBEDDED,
        /** not a format this writes (PNG, RAW, ...), or nothing to write */
        UNCHANGED
    }

    private enum Format { JPEG, MOVIE, HEIF, OTHER }

    /**
     * Major brands of QuickTime and MP4 movies (prefixes). Other ISO-BMFF files share the box structure but not the
     * layout: HEIF ones are told by {@link #HEIF_BRANDS}, the rest (Canon CR3, ...) are left alone.
     */
    private static final Set<String> MOVIE_BRANDS = Set.of("qt  ", "iso", "mp4", "M4V", "3gp", "3g2", "avc1", "MSNV");
    /** Major brands of HEIF images and image sequences (HEVC, AV1 and the generic ones). */
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm",
            "hevs", "mif1", "msf1", "mif2", "avif", "avis");
    /** Top-level boxes an old QuickTime file (no {@code ftyp}) starts with. */
    private static final Set<String> QUICKTIME_STARTS = Set.of("moov", "mdat", "wide", "free", "skip", "pnot");

    /**
     * @throws IOException when the file cannot be read, is damaged, or cannot be replaced; it is then unchanged
     */
    public Outcome embed(Path file, AssetMetadata metadata) throws IOException {
        EmbeddedMetadata m = EmbeddedMetadata.of(metadata);
        Format format = format(file);
        if (format == Format.OTHER || m.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        FileTime modified = Files.getLastModifiedTime(file);
        long length = Files.size(file);
        AtomicFiles.replace(file, out -> {
            if (format == Format.HEIF) {
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    HeifMetadataWriter.rewrite(in, length, out, m);
                }
                return;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                if (format == Format.JPEG) {
                    JpegMetadataWriter.rewrite(in, out, m);
                } else {
                    QuickTimeMetadataWriter.rewrite(in, length, out, m);
                }
            }
        }, Optional.of(modified));
        return Outcome.EMBEDDED;
    }

    /**
     * A short fingerprint of what {@link #embed} and the XMP sidecar write for {@code metadata}: equal fingerprints,
     * same metadata in the file. A folder's record keeps it, so a later pass sees a caption, keyword, favourite or
     * location changed in iCloud while the photo's bytes did not.
     */
    public static String fingerprint(AssetMetadata metadata) {
        byte[] d = io.github.camelicloud.sync.Sha256.digest().digest(EmbeddedMetadata.of(metadata).toString()
                .getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d, 0, 12);
    }

    private static Format format(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        }
        if (head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (head.length < 12) {
            return Format.OTHER;
        }
        String type = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        if (type.equals("ftyp")) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            if (HEIF_BRANDS.contains(brand)) {
                return Format.HEIF;
            }
            return MOVIE_BRANDS.stream().anyMatch(brand::startsWith) ? Format.MOVIE : Format.OTHER;
        }
        return QUICKTIME_STARTS.contains(type) ? Format.MOVIE : Format.OTHER;
    }
}
