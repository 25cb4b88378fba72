package io.github.camelicloud.app.destination;

import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.component.ICloudFileFinisher;
import io.github.camelicloud.sync.metadata.MetadataEmbedder;
import io.github.camelicloud.sync.metadata.XmpSidecar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --embed-metadata} and {@code --xmp-sidecar} for a remote destination: what the folder does to its files
 * ({@link ICloudFileFinisher}), done to a {@link Spool} before it is uploaded. The object then holds the embedded
 * bytes (its SHA-256 and size are theirs) and the sidecar goes next to it as {@code KEY.xmp}.
 *
 * @param embed   write iCloud's metadata into JPEGs and movies
 * @param sidecar upload an XMP sidecar next to each photo
 */
public record RemoteMetadata(boolean embed, boolean sidecar) {

    public static final RemoteMetadata NONE = new RemoteMetadata(false, false);

    private static final MetadataEmbedder EMBEDDER = new MetadataEmbedder();

    /** Whether the destination writes any metadata (else files go as iCloud sends them, never spooled). */
    public boolean any() {
        return embed || sidecar;
    }

    /** The fingerprint recorded for what is written: empty when nothing is. */
    public Optional<String> fingerprint(Asset asset) {
        return any() ? Optional.of(MetadataEmbedder.fingerprint(asset.metadata())) : Optional.empty();
    }

    /**
     * Embeds the asset's metadata into the spooled file (a format it cannot write is left as it is).
     *
     * @throws IOException a damaged or unknown file: it is left as spooled
     */
    public boolean embedInto(Spool spool, Asset asset) throws IOException {
        return embed && EMBEDDER.embed(spool.file(), asset.metadata()) == MetadataEmbedder.Outcome.EMBEDDED;
    }

    /** The sidecar of the spooled file, written next to it; empty when sidecars are off. */
    public Optional<Path> sidecarOf(Spool spool, Asset asset) throws IOException {
        if (!sidecar) {
            return Optional.empty();
        }
        new XmpSidecar(ICloudFileFinisher.XMP_TOOLKIT).write(spool.file(), asset.metadata());
        return Optional.of(XmpSidecar.sidecarPath(spool.file()));
    }

    /** The key of an object's sidecar: {@code IMG_1.JPG.xmp}, as icloudpd names it. */
    public static String sidecarKey(String key) {
        return key + ".xmp";
    }
}
