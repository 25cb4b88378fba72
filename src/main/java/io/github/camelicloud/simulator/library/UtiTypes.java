package io.github.camelicloud.simulator.library;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** File extensions ⇄ the UTIs Photos uses (§6.9). */
public final class UtiTypes {

    public static final String JPEG = "public.jpeg";
    public static final String HEIC = "public.heic";
    public static final String PNG = "public.png";
    public static final String QUICKTIME = "com.apple.quicktime-movie";
    public static final String MPEG4 = "public.mpeg-4";
    public static final String CR2 = "com.canon.cr2-raw-image";
    public static final String DNG = "com.adobe.raw-image";
    public static final String GIF = "com.compuserve.gif";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("jpg", JPEG),
            Map.entry("jpeg", JPEG), Map.entry("heic", HEIC), Map.entry("heif", "public.heif"), Map.entry("png", PNG),
            Map.entry("gif", GIF), Map.entry("mov", QUICKTIME), Map.entry("mp4", MPEG4), Map.entry("m4v", MPEG4),
            Map.entry("cr2", CR2), Map.entry("cr3", "com.canon.cr3-raw-image"), Map.entry("dng", DNG),
            Map.entry("arw", "com.sony.arw-raw-image"), Map.entry("nef", "com.nikon.raw-image"),
            Map.entry("raf", "com.fuji.raw-image"), Map.entry("orf", "com.olympus.raw-image"),
            Map.entry("rw2", "com.panasonic.rw2-raw-image"));

    private UtiTypes() {
    }

    public static Optional<String> forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty()
                : Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    public static boolean isMovie(String uti) {
        return QUICKTIME.equals(uti) || MPEG4.equals(uti) || (uti != null && uti.endsWith("movie"));
    }

    public static boolean isImage(String uti) {
        return uti != null && !isMovie(uti);
    }
}
