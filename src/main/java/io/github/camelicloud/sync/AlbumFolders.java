package io.github.camelicloud.sync;

import io.github.camelicloud.client.photos.PhotoAlbum;
import io.github.camelicloud.client.photos.SharedAlbum;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The folder of each album for {@code {album}}: album and folder names are untrusted input like file names, so
 * each is cleaned as one ({@code /}, {@code ..}, control characters), nested album folders become nested
 * directories, and two albums whose folders would be the same after cleaning (or differ only in case, which a
 * case-insensitive file system would merge) get {@code " (2)"}, {@code " (3)"}, … in Apple's listing order. The
 * folder for photos in no album is reserved first, so an album named like it never shares it. Shared Albums get
 * folders the same way (there is no unfiled folder), and each contributor of one a folder within it
 * ({@code {contributor}}), cleaned and told apart the same way.
 */
public final class AlbumFolders {

    /** The default folder for photos in no album. */
    public static final String UNFILED = "Unfiled";

    /** The contributor's folder when a Shared Album's photo does not say who added it. */
    public static final String UNKNOWN_CONTRIBUTOR = "Unknown contributor";

    /** Windows' reserved device names, alone or before an extension, in any case. */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9\\u00b9\\u00b2\\u00b3]"
            + "|LPT[0-9\\u00b9\\u00b2\\u00b3])(\\..*)?");

    /** A segment's bytes before {@code " (n)"}: with it, a name stays within the 255 bytes file systems allow. */
    static final int MAX_SEGMENT_BYTES = 200;

    /**
     * Where an album's photos go: its folder, the folder of who added them (Shared Albums; else empty), and the tag
     * its files' delivery keys carry, so a file is this album's copy of the photo. A renamed album has a new folder
     * and a new tag: its old copies are no longer explained.
     */
    public record Place(String folder, String contributor, String tag) {

        static Place of(String folder) {
            return of(folder, "");
        }

        private static Place of(String folder, String contributor) {
            String placed = contributor.isEmpty() ? folder : folder + "\n" + contributor;
            return new Place(folder, contributor, java.util.HexFormat.of().formatHex(Sha256.digest().digest(
                    placed.getBytes(StandardCharsets.UTF_8))).substring(0, 16));
        }

        /**
         * This Shared Album's place for each of its contributors (names untrusted, in the order given; an empty name
         * is {@value #UNKNOWN_CONTRIBUTOR}), each with a folder of its own.
         */
        public Map<String, Place> byContributor(List<String> contributors) {
            Set<String> taken = new HashSet<>();
            Map<String, Place> places = new LinkedHashMap<>();
            for (String name : contributors) {
                places.computeIfAbsent(name, n -> of(folder, unique(List.of(clean(n.isBlank() ? UNKNOWN_CONTRIBUTOR
                        : n)), taken)));
            }
            return places;
        }
    }

    private final Map<String, Place> byAlbum;
    private final Place unfiled;

    private AlbumFolders(Map<String, Place> byAlbum, Place unfiled) {
        this.byAlbum = byAlbum;
        this.unfiled = unfiled;
    }

    /** @param unfiledFolder the folder for photos in no album (cleaned like an album name) */
    public static AlbumFolders of(List<PhotoAlbum> albums, String unfiledFolder) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        albums.forEach(a -> paths.put(a.id(), a.path()));
        return of(paths, unfiledFolder);
    }

    /** Each Shared Album's folder, from its (untrusted) name. */
    public static AlbumFolders ofShared(List<SharedAlbum> albums) {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        albums.forEach(a -> paths.put(a.guid(), List.of(a.name())));
        return of(paths, null);
    }

    /**
     * @param paths         each album's folder names then its own name, by album id, in Apple's order
     * @param unfiledFolder null: none (Shared Albums)
     */
    static AlbumFolders of(Map<String, List<String>> paths, String unfiledFolder) {
        Set<String> taken = new HashSet<>();
        Place unfiled = unfiledFolder == null ? null : Place.of(unique(List.of(clean(unfiledFolder)), taken));
        Map<String, Place> byAlbum = new LinkedHashMap<>();
        paths.forEach((id, path) -> {
            List<String> segments = new ArrayList<>();
            path.forEach(name -> segments.add(clean(name)));
            byAlbum.put(id, Place.of(unique(segments, taken)));
        });
        return new AlbumFolders(byAlbum, unfiled);
    }

    public Place of(PhotoAlbum album) {
        return of(album.id());
    }

    public Place of(SharedAlbum album) {
        return of(album.guid());
    }

    Place of(String albumId) {
        Place place = byAlbum.get(albumId);
        if (place == null) {
            throw new IllegalArgumentException("No folder for album " + albumId);
        }
        return place;
    }

    public Place unfiled() {
        return unfiled;
    }

    /**
     * A name as one safe path segment, also on Windows and NAS shares: never empty, never a separator, {@code .} or
     * {@code ..}, no trailing dot (Windows drops it), no device name ({@code CON}, {@code NUL}, {@code COM1}, …),
     * short enough for a {@code " (n)"} suffix to fit in a name.
     */
    static String clean(String name) {
        String cleaned = FileNames.cut(FileNames.clean(name.strip(), true), MAX_SEGMENT_BYTES - 1).strip();
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
            return "_" + cleaned.replace('.', '_');
        }
        if (cleaned.endsWith(".")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1) + "_";
        }
        return WINDOWS_DEVICE.matcher(cleaned).matches() ? "_" + cleaned : cleaned;
    }

    private static String unique(List<String> segments, Set<String> taken) {
        String path = String.join("/", segments);
        String candidate = path;
        for (int n = 2; !taken.add(foldedForClash(candidate)); n++) {
            candidate = path + " (" + n + ")";
        }
        return candidate;
    }

    /**
     * What makes two folders one on some file system: case (Windows, macOS) and Unicode normalisation (macOS stores
     * {@code Jörg} composed or decomposed as one name).
     */
    private static String foldedForClash(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
