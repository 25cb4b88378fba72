package io.github.camelicloud.simulator.media;

/**
 * Turns a {@link MediaSpec} into content of exactly the promised size: real JPEG/PNG images with EXIF,
 * HEIF/QuickTime/MP4 box structures and TIFF-based RAW headers, each padded with noise. Nothing is built
 * until the bytes are first read.
 */
public final class MediaFactory {

    private MediaFactory() {
    }

    public static Content content(MediaSpec spec) {
        return new LazyContent(spec.size(), () -> build(spec));
    }

    static Content build(MediaSpec spec) {
        Content built = switch (spec.fileType()) {
            case "public.jpeg" -> JpegMedia.build(spec);
            case "public.png" -> PngMedia.build(spec);
            case "public.heic", "public.heif" -> HeicMedia.build(spec);
            case "com.apple.quicktime-movie" -> MovieMedia.build(spec, MovieMedia.QUICKTIME);
            case "public.mpeg-4" -> MovieMedia.build(spec, MovieMedia.MP4);
            default -> spec.fileType().endsWith("raw-image") ? RawMedia.build(spec) : null;
        };
        // Too small for a valid file of that type (or an unknown type): plain noise of the promised size.
        return built != null ? built : Content.noise(spec.seed(), spec.size());
    }
}
