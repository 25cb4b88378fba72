package io.github.camelicloud.component;

import java.util.Map;

/** MIME types for Apple's type identifiers, for the Content-Type header (S3, HTTP destinations). */
final class MediaTypes {

    private static final Map<String, String> TYPES = Map.of(
            "public.jpeg", "image/jpeg",
            "public.heic", "image/heic",
            "public.heif", "image/heif",
            "public.png", "image/png",
            "com.apple.quicktime-movie", "video/quicktime",
            "public.mpeg-4", "video/mp4",
            "com.compuserve.gif", "image/gif");

    private MediaTypes() {
    }

    static String of(String uti) {
        return TYPES.getOrDefault(uti, "application/octet-stream");
    }
}
