package io.github.camelicloud.simulator.media;

import java.util.Objects;

/**
 * Everything needed to produce one generated file, small enough to keep for every version of a large
 * library; the bytes themselves are produced on demand.
 *
 * @param fileType       the UTI ({@code public.jpeg}, {@code com.apple.quicktime-movie}, ...)
 * @param size           exact size in bytes
 * @param seed           makes the pixels and padding of this file unique
 * @param width          pixel width written into the file where the format has one
 * @param height         pixel height
 * @param capture        date and camera for EXIF or movie headers
 * @param durationMillis movie duration (0 for images)
 */
public record MediaSpec(String fileType, long size, long seed, int width, int height, Capture capture,
        long durationMillis) {

    public MediaSpec {
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(capture, "capture");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }
}
