package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.ResumingDownloadStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The downloads a consumer's exchanges are streaming now. A stopping consumer cuts them rather than wait for them (a
 * stalled one would hold the shutdown until Camel's timeout): the destination's write fails, its part file stays for
 * the next pass to resume, and nothing reaches a final name.
 */
final class OpenDownloads {

    private final Set<ResumingDownloadStream> open = ConcurrentHashMap.newKeySet();

    void add(ResumingDownloadStream download) {
        open.add(download);
    }

    void remove(ResumingDownloadStream download) {
        open.remove(download);
    }

    void cutAll() {
        open.forEach(ResumingDownloadStream::cut);
    }
}
