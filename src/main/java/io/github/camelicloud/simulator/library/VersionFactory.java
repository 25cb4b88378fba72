package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.Capture;
import io.github.camelicloud.simulator.media.Content;
import io.github.camelicloud.simulator.media.MediaFactory;
import io.github.camelicloud.simulator.media.MediaSpec;
import io.github.camelicloud.simulator.media.Noise;
import java.nio.charset.StandardCharsets;

/**
 * Makes versions whose ids come from a stable key and whose bytes come from a seed, so the same library
 * description always yields the same checksums and the same bytes.
 */
final class VersionFactory {

    private VersionFactory() {
    }

    /**
     * @param key identifies the bytes (account seed, asset, prefix, revision); checksums derive from it
     */
    static AssetVersion generated(String key, String prefix, String fileType, long size, int width, int height,
            Capture capture, long durationMillis) {
        long seed = Noise.seed(key.hashCode(), stableHash(key));
        Content content = MediaFactory.content(new MediaSpec(fileType, size, seed, width, height, capture,
                durationMillis));
        return of(key, prefix, fileType, width, height, content);
    }

    static AssetVersion of(String key, String prefix, String fileType, int width, int height, Content content) {
        Checksums.Ids ids = Checksums.of(key);
        return new AssetVersion(prefix, fileType, width, height, ids.fileChecksum(), ids.referenceChecksum(),
                ids.wrappingKey(), new MediaFile(content));
    }

    private static long stableHash(String key) {
        long hash = 1125899906842597L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return hash;
    }
}
