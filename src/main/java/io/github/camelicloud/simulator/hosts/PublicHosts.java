package io.github.camelicloud.simulator.hosts;

import io.github.camelicloud.simulator.http.CookieScope;
import io.github.camelicloud.simulator.http.Request;
import java.util.List;

/**
 * The addresses the simulator hands out (webservices, configBag, download URLs) and the Domain/Secure of the
 * cookies it sets. They depend on how it is reached: one plain-HTTP base URL ({@link BaseUrlHosts}, the
 * default, for tests), or Apple's own host names over HTTPS ({@link AppleHosts}), where the answer also
 * depends on the request's {@code Host}: a client that came through {@code setup.icloud.com.cn} is sent on
 * to the {@code .com.cn} hosts, as Apple does.
 */
public interface PublicHosts {

    /** {@code https://setup.icloud.com} (without {@code /setup/ws/1}), or the base URL. */
    String setupRoot(Request request);

    /** {@code https://idmsa.apple.com}, or the base URL. */
    String authRoot(Request request);

    /** A {@code webservices} entry's {@code url}, e.g. {@code https://p61-ckdatabasews.icloud.com:443}. */
    String serviceUrl(Request request, String service);

    /** Where download URLs point: {@code https://cvws.icloud-content.com}, or the base URL. */
    String contentRoot(Request request);

    /** The web app's origins ({@code https://www.icloud.com}, {@code .com.cn}), or the base URL. */
    List<String> homeRoots();

    /** Domain and Secure of a cookie set in answer to this request. */
    CookieScope cookieScope(Request request);
}
