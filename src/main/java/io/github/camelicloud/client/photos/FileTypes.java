package io.github.camelicloud.client.photos;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Apple's uniform type identifiers and the extensions icloudpd gives them (icloud-protocol.md §6.9). */
public final class FileTypes {

    public static final String QUICKTIME = "com.apple.quicktime-movie";

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("public.heic", "HEIC"),
            Map.entry("public.heif", "HEIF"),
            Map.entry("public.jpeg", "JPG"),
            Map.entry("public.png", "PNG"),
            Map.entry(QUICKTIME, "MOV"),
            Map.entry("com.adobe.raw-image", "DNG"),
            Map.entry("com.canon.cr2-raw-image", "CR2"),
            Map.entry("com.canon.crw-raw-image", "CRW"),
            Map.entry("com.canon.cr3-raw-image", "CR3"),
            Map.entry("com.sony.arw-raw-image", "ARW"),
            Map.entry("com.fuji.raw-image", "RAF"),
            Map.entry("com.panasonic.rw2-raw-image", "RW2"),
            Map.entry("com.nikon.nrw-raw-image", "NRF"),
            Map.entry("com.nikon.raw-image", "NEF"),
            Map.entry("com.pentax.raw-image", "PEF"),
            Map.entry("com.olympus.raw-image", "ORF"),
            Map.entry("com.olympus.or-raw-image", "ORF"));

    private FileTypes() {
    }

    public static Optional<String> extension(String uti) {
        return Optional.ofNullable(uti == null ? null : EXTENSIONS.get(uti));
    }

    public static boolean isRaw(String uti) {
        return uti != null && uti.toLowerCase(Locale.ROOT).contains("raw");
    }

    /** §6.9: known types by table; an unknown one is an image when the name looks like one, else a movie. */
    public static ItemKind kind(String itemType, String fileName) {
        if (itemType == null || itemType.isEmpty()) {
            return ItemKind.UNKNOWN;
        }
        if (EXTENSIONS.containsKey(itemType)) {
            return itemType.equals(QUICKTIME) ? ItemKind.MOVIE : ItemKind.IMAGE;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".heic") || name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")
                ? ItemKind.IMAGE : ItemKind.MOVIE;
    }
}
