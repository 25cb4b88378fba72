package io.github.camelicloud.component;

import io.github.camelicloud.client.photos.AlbumKind;
import io.github.camelicloud.client.photos.PhotoAlbum;
import io.github.camelicloud.sync.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** icloudpd's lines around a pass, word for word: "Looking up all ...", "Downloading N ...", "All ... downloaded". */
final class PassLog {

    private static final Logger LOG = LoggerFactory.getLogger(ICloudConsumer.class);

    private PassLog() {
    }

    /** Logs "Looking up…" and "Downloading N …"; returns the asset count (-1 if unknown). */
    static long announce(PhotoAlbum album, SyncSettings settings, ICloudConfiguration config) {
        LOG.info("Looking up all {}{}...", phrase(settings, true),
                album.kind() == AlbumKind.LIBRARY ? "" : " from album " + album.name());
        String count;
        boolean plural;
        long n = -1;
        if (settings.untilFound().isPresent()) {
            count = "???";
            plural = true;
        } else {
            n = settings.recent().map(Integer::longValue).orElseGet(album::count);
            plural = n != 1;
            count = n == 1 ? "the first" : n < 0 ? "???" : String.valueOf(n);
        }
        String sizes = config.getSizes().replace(" ", "");
        if (config.getDirectory() != null) {
            LOG.info("Downloading {} {} {} to {} ...", count, sizes, phrase(settings, plural), config.getDirectory());
        } else { // the destination's own route says where the files go
            LOG.info("Downloading {} {} {} ...", count, sizes, phrase(settings, plural));
        }
        return n;
    }

    /** icloudpd's closing line, only when it is true; else how many files are tried again next time. */
    static void allDownloaded(SyncSettings settings, int failed, String destination) {
        if (failed == 0) {
            LOG.info("All {} have been downloaded", phrase(settings, true));
        } else {
            LOG.warn("{} {} could not be delivered to {}; the next pass tries again", failed,
                    failed == 1 ? "file" : "files", destination);
        }
    }

    /** icloudpd's "photos and videos" / "photos" / "videos", or the singular forms. */
    private static String phrase(SyncSettings settings, boolean plural) {
        if (settings.naming().skipVideos() || settings.naming().skipPhotos()) {
            String kind = settings.naming().skipVideos() ? "photo" : "video";
            return plural ? kind + "s" : kind;
        }
        return plural ? "photos and videos" : "photo or video";
    }
}
