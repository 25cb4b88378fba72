/**
 * The bytes of generated files: {@link io.github.camelicloud.simulator.media.Content} of a known size written
 * from any offset, built lazily from a {@link io.github.camelicloud.simulator.media.MediaSpec} (decodable JPEG and
 * PNG with EXIF, HEIF/QuickTime/MP4 boxes, TIFF-based RAW headers) and padded with counter-based noise, so a
 * multi-gigabyte video is streamed without ever existing in memory.
 */
package io.github.camelicloud.simulator.media;
