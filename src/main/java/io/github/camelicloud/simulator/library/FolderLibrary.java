package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.FileContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A library made of real files ({@code --library-dir}): one asset per media file, its type from the
 * extension, its date from the modification time, its name from the file name. Files in a sub-folder go into
 * an album of that name; one level deeper, a folder holds the albums. Only originals are served.
 */
final class FolderLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(FolderLibrary.class);

    private FolderLibrary() {
    }

    static void fill(LibraryZone zone, Path dir, long seed) {
        Random random = new Random(seed);
        Map<String, List<String>> albumMembers = new LinkedHashMap<>();
        Map<String, String> albumFolders = new LinkedHashMap<>();
        int skipped = 0;
        for (Path file : files(dir)) {
            Path relative = dir.relativize(file);
            Optional<String> uti = UtiTypes.forFileName(file.getFileName().toString());
            if (uti.isEmpty()) {
                skipped++;
                continue;
            }
            Asset asset = asset(zone, file, relative, uti.get(), random);
            zone.put(asset);
            if (relative.getNameCount() >= 2) {
                String album = relative.getName(relative.getNameCount() >= 3 ? 1 : 0).toString();
                String folder = relative.getNameCount() >= 3 ? relative.getName(0).toString() : null;
                String key = (folder == null ? "" : folder + "/") + album;
                albumMembers.computeIfAbsent(key, k -> new ArrayList<>()).add(asset.masterName());
                albumFolders.put(key, folder);
            }
        }
        addAlbums(zone, albumMembers, albumFolders, random);
        LOG.info("Library folder {}: {} assets, {} albums, {} files of other types skipped", dir,
                zone.assets().size(), albumMembers.size(), skipped);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> dir.relativize(p).toString().chars().noneMatch(c -> c == 0)
                            && !isHidden(dir.relativize(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library folder " + dir, e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Asset asset(LibraryZone zone, Path file, Path relative, String uti, Random random) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Instant date = attributes.lastModifiedTime().toInstant();
        long size = attributes.size();
        int[] dims = dimensions(file, uti);
        String key = "dir|" + relative + "|" + size + "|" + date.toEpochMilli();
        AssetVersion original = VersionFactory.of(key, "resOriginal", uti, dims[0], dims[1],
                new FileContent(file, size));
        Traits traits = new Traits(uti, 0, 0, 0, null, 0, 0, random.nextLong());
        Instant created = date.plusSeconds(1);
        return new Asset(original.fileChecksum(), Checksums.uuid(random),
                FileName.encrypted(file.getFileName().toString()), traits, date, date, 0, Status.visible(false),
                Map.of("resOriginal", original), Map.of(), null, 0, null, zone.nextTag(), zone.nextTag(), created,
                created, null);
    }

    /** Width and height from the image header where ImageIO can read one cheaply; 0 otherwise. */
    private static int[] dimensions(Path file, String uti) {
        if (!UtiTypes.JPEG.equals(uti) && !UtiTypes.PNG.equals(uti) && !UtiTypes.GIF.equals(uti)) {
            return new int[] {0, 0};
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers != null && readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("no dimensions for {}: {}", file, e.toString());
        }
        return new int[] {0, 0};
    }

    private static void addAlbums(LibraryZone zone, Map<String, List<String>> members, Map<String, String> folders,
            Random random) {
        Instant now = Instant.EPOCH;
        zone.putAlbum(new Album(Album.ROOT_FOLDER, null, true, null, 0, List.of(), zone.nextTag(), now, now));
        Map<String, String> folderIds = new LinkedHashMap<>();
        long position = 1024;
        for (Map.Entry<String, List<String>> entry : members.entrySet()) {
            String folder = folders.get(entry.getKey());
            String parent = null;
            if (folder != null) {
                parent = folderIds.get(folder);
                if (parent == null) {
                    parent = Checksums.uuid(random);
                    folderIds.put(folder, parent);
                    zone.putAlbum(new Album(parent, folder, true, null, position, List.of(), zone.nextTag(), now, now));
                    position += 1024;
                }
            }
            String name = entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1);
            zone.putAlbum(new Album(Checksums.uuid(random), name, false, parent, position, entry.getValue(),
                    zone.nextTag(), now, now));
            position += 1024;
        }
    }
}
