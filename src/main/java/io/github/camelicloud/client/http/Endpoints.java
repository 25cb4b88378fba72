package io.github.camelicloud.client.http;

import io.github.camelicloud.client.ICloudException;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The fixed roots of one iCloud domain (icloud-protocol.md §1.1). CloudKit and download hosts are not
 * here: they always come from Apple's answers. A base URL (the simulator, a compatible server) maps
 * every root under itself.
 *
 * @param authRoot Origin of the SRP calls
 * @param auth     the idmsa auth endpoint
 * @param home     default Origin/Referer and OAuth redirect URI
 * @param setup    the setup web service
 */
public record Endpoints(String authRoot, String auth, String home, String setup) {

    public static final Endpoints COM = new Endpoints("https://idmsa.apple.com",
            "https://idmsa.apple.com/appleauth/auth", "https://www.icloud.com", "https://setup.icloud.com/setup/ws/1");
    /**
     * Mainland China: the web app and setup are on {@code .com.cn}, but icloud.com.cn signs in through
     * {@code idmsa.apple.com} (pyicloud #285, merged July 2026; icloudpy #22 saw the same in the browser).
     */
    public static final Endpoints CN = new Endpoints("https://idmsa.apple.com",
            "https://idmsa.apple.com/appleauth/auth", "https://www.icloud.com.cn",
            "https://setup.icloud.com.cn/setup/ws/1");

    /** {@code com}, {@code cn}, or the base URL of a compatible server such as the simulator. */
    public static Endpoints forDomain(String domain) {
        String d = domain == null ? "com" : domain.trim();
        switch (d.toLowerCase(Locale.ROOT)) {
            case "com":
                return COM;
            case "cn":
                return CN;
            default:
                HttpUrl url = HttpUrl.parse(d);
                if (url == null) {
                    throw new ICloudException("Invalid --domain '" + domain + "': use com (iCloud.com), cn"
                            + " (iCloud.com.cn) or the base URL of a compatible server, e.g. http://127.0.0.1:8080");
                }
                String base = d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
                return new Endpoints(base, base + "/appleauth/auth", base, base + "/setup/ws/1");
        }
    }
}
