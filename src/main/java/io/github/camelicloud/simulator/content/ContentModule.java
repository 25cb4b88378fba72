package io.github.camelicloud.simulator.content;

import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.library.DownloadIndex;
import io.github.camelicloud.simulator.state.SimulatorState;

/**
 * Apple's content host ({@code cvws.icloud-content.com}), served at the base URL under {@code /B/}. Not cookie
 * authenticated: the signed, expiring URL is the credential, as with Apple.
 */
public final class ContentModule implements RouteModule {

    private final SimulatorState state;
    private final DownloadUrls urls;
    private final DownloadIndex downloads;

    public ContentModule(SimulatorState state, DownloadUrls urls, DownloadIndex downloads) {
        this.state = state;
        this.urls = urls;
        this.downloads = downloads;
    }

    @Override
    public void register(Router router) {
        router.addPrefix("GET", DownloadUrls.PATH_PREFIX, new DownloadHandler(state, urls, downloads));
    }
}
