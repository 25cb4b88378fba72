package io.github.camelicloud.simulator.library;

import io.github.camelicloud.simulator.media.Content;
import io.github.camelicloud.simulator.media.Sha256;

/** The bytes behind one version, with their SHA-256 computed on first request and kept. */
public final class MediaFile {

    private final Content content;
    private volatile String sha256;

    public MediaFile(Content content) {
        this.content = content;
    }

    public Content content() {
        return content;
    }

    public long size() {
        return content.size();
    }

    /** Hex SHA-256; reads the whole content the first time (seconds for a multi-gigabyte video). */
    public String sha256() {
        String hex = sha256;
        if (hex == null) {
            synchronized (this) {
                if (sha256 == null) {
                    sha256 = Sha256.hex(content);
                }
                hex = sha256;
            }
        }
        return hex;
    }
}
