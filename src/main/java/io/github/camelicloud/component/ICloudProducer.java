package io.github.camelicloud.component;

import io.github.camelicloud.client.ICloudClient;
import io.github.camelicloud.client.photos.Asset;
import io.github.camelicloud.client.photos.AssetVersion;
import io.github.camelicloud.client.photos.PhotoLibrary;
import io.github.camelicloud.client.photos.PhotoAlbum;
import io.github.camelicloud.client.photos.VersionType;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/** The operations of {@code icloud:photos} as a producer: list libraries, albums and assets; download; delete. */
public class ICloudProducer extends DefaultProducer {

    private final ICloudEndpoint endpoint;

    public ICloudProducer(ICloudEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        ICloudOperations operation = in.getHeader(ICloudConstants.OPERATION, endpoint.getConfiguration().getOperation(),
                ICloudOperations.class);
        ICloudClient client = endpoint.client();
        switch (operation) {
            case listLibraries -> in.setBody(client.photos().libraries().stream().map(PhotoLibrary::name).toList());
            case listAlbums -> in.setBody(List.copyOf(library(client, in).albums().keySet()));
            case listAssets -> in.setBody(listAssets(client, in));
            case download -> download(client, exchange, asset(exchange));
            case delete -> {
                Asset asset = asset(exchange);
                client.photos().library(asset.zoneName()).moveToRecentlyDeleted(asset);
            }
            default -> throw new IllegalArgumentException("Unsupported operation " + operation);
        }
    }

    private List<Asset> listAssets(ICloudClient client, Message in) {
        String albumName = in.getHeader(ICloudConstants.ALBUM, String.class);
        PhotoLibrary library = library(client, in);
        PhotoAlbum album = albumName == null ? library.all() : library.album(albumName);
        Integer limit = in.getHeader(ICloudConstants.LIMIT, endpoint.getConfiguration().getRecent(), Integer.class);
        return limit == null ? album.stream().toList() : album.stream().limit(limit).toList();
    }

    private PhotoLibrary library(ICloudClient client, Message in) {
        return client.photos().library(in.getHeader(ICloudConstants.LIBRARY,
                endpoint.getConfiguration().getLibrary(), String.class));
    }

    private void download(ICloudClient client, Exchange exchange, Asset asset) {
        String label = exchange.getMessage().getHeader(ICloudConstants.VERSION, "original", String.class);
        VersionType type;
        try {
            type = VersionType.valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown version '" + label + "': use original, medium, thumb,"
                    + " adjusted, alternative, live-original, live-medium or live-thumb");
        }
        AssetVersion version = asset.version(type).orElseThrow(() -> new IllegalArgumentException(
                "Asset " + asset.id() + " has no " + label + " version"));
        DownloadBody.attach(exchange, client, () -> client.photos().library(asset.zoneName()).refresh(asset), version,
                endpoint.getConfiguration(), asset.fileName().orElse(asset.id()));
        Message m = exchange.getMessage();
        m.setHeader(ICloudConstants.SIZE, version.size());
        m.setHeader(Exchange.CONTENT_LENGTH, version.size());
        m.setHeader(ICloudConstants.CHECKSUM, version.checksum());
        m.setHeader(Exchange.CONTENT_TYPE, MediaTypes.of(version.fileType()));
    }

    private static Asset asset(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Asset asset) {
            return asset;
        }
        throw new InvalidPayloadException(exchange, Asset.class);
    }
}
