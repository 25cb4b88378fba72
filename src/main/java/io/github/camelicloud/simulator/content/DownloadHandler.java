package io.github.camelicloud.simulator.content;

import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.library.AssetVersion;
import io.github.camelicloud.simulator.library.DownloadIndex;
import io.github.camelicloud.simulator.media.Content;
import io.github.camelicloud.simulator.state.SimulatorState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * D1: {@code GET /B/<token>/<name>?...} as Apple's content host answers it (§6.11): 200 or 206 with
 * Content-Range, 416 past the end, 410 once {@code e} has passed on the simulator clock, 403 for a URL this
 * run did not sign, 404 for bytes no longer in any library. Bodies are streamed, never held in memory.
 */
final class DownloadHandler implements Handler {

    private final SimulatorState state;
    private final DownloadUrls urls;
    private final DownloadIndex downloads;

    DownloadHandler(SimulatorState state, DownloadUrls urls, DownloadIndex downloads) {
        this.state = state;
        this.urls = urls;
        this.downloads = downloads;
    }

    @Override
    public Response handle(Request request) {
        String rest = request.path().substring(DownloadUrls.PATH_PREFIX.length());
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        String name = slash < 0 ? "" : rest.substring(slash + 1);
        switch (urls.check(token, request.query(), state.now())) {
            case FORGED -> {
                return Response.text(403, Response.ICLOUD_HTML, "Forbidden");
            }
            case EXPIRED -> {
                return Response.text(410, Response.ICLOUD_HTML, "Gone");
            }
            default -> {
                // signed and fresh
            }
        }
        Optional<AssetVersion> version = downloads.find(token);
        if (version.isEmpty()) {
            return Response.text(404, Response.ICLOUD_HTML, "Not Found");
        }
        Content content = version.get().file().content();
        long size = content.size();
        List<Response.Header> headers = new ArrayList<>();
        headers.add(new Response.Header("Accept-Ranges", "bytes"));
        headers.add(new Response.Header("Access-Control-Allow-Credentials", "false"));
        headers.add(new Response.Header("Access-Control-Allow-Methods", "GET,OPTIONS"));
        headers.add(new Response.Header("Access-Control-Allow-Origin", "https://www.icloud.com"));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        headers.add(new Response.Header("Content-Disposition",
                "attachment; filename=\"" + encoded + "\"; filename*=UTF-8''" + encoded));
        headers.add(new Response.Header("Content-Type", "application/octet-stream"));
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(request.header("Range").orElse(null), size);
        } catch (ByteRange.Unsatisfiable e) {
            return new Response(416, List.of(new Response.Header("Content-Range", "bytes */" + size),
                    new Response.Header("Accept-Ranges", "bytes")), new byte[0]);
        }
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        if (range.isPresent()) {
            headers.add(new Response.Header("Content-Range",
                    "bytes " + first + "-" + range.get().last() + "/" + size));
        }
        return Response.streamed(range.isPresent() ? 206 : 200, headers, new Response.BodyStream() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                content.writeTo(out, first, length);
            }
        });
    }
}
