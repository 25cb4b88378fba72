package io.github.camelicloud.simulator.hosts;

import io.github.camelicloud.simulator.http.CookieScope;
import io.github.camelicloud.simulator.http.Request;
import java.util.List;
import java.util.function.Supplier;

/** Every Apple root is the one plain-HTTP base URL; cookies have no Domain and no Secure (see {@link CookieScope}). */
public final class BaseUrlHosts implements PublicHosts {

    private final Supplier<String> baseUrl;

    /** @param baseUrl {@code http://127.0.0.1:PORT}, known once the server is bound */
    public BaseUrlHosts(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String setupRoot(Request request) {
        return baseUrl.get();
    }

    @Override
    public String authRoot(Request request) {
        return baseUrl.get();
    }

    @Override
    public String serviceUrl(Request request, String service) {
        return baseUrl.get();
    }

    @Override
    public String contentRoot(Request request) {
        return baseUrl.get();
    }

    @Override
    public List<String> homeRoots() {
        return List.of(baseUrl.get());
    }

    @Override
    public CookieScope cookieScope(Request request) {
        return CookieScope.BASE_URL;
    }
}
