package io.github.camelicloud.client.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The icloud.com web app's build, which its calls name ({@code clientBuildNumber}, {@code clientMasteringNumber}):
 * a stale one has failed sign-ins before (icloudpd 1.29.2, #1073). Read from the web app's own page, where its
 * script paths carry the build ({@code /system/icloud.com/<build>/…}) and its boot data the mastering number; the
 * values below are the fallback when the page cannot be read or does not show both.
 */
public record WebAppBuild(String buildNumber, String masteringNumber) {

    private static final Logger LOG = LoggerFactory.getLogger(WebAppBuild.class);

    /** The build icloudpd 1.32.2 sends (pyicloud sends 2534Project66/2534B22 since July 2026). */
    public static final WebAppBuild FALLBACK = new WebAppBuild("2522Project44", "2522B2");

    private static final Pattern BUILD = Pattern.compile("/system/icloud\\.com/(\\d{4}[A-Za-z]+\\d+)/");
    private static final Pattern MASTERING = Pattern.compile("masteringNumber\"?\\s*[:=]\\s*\"(\\d{4}[A-Z]+\\d+)\"");

    /** Both numbers from the web app's page, or empty when it does not show both. */
    static Optional<WebAppBuild> fromPage(String html) {
        Matcher build = BUILD.matcher(html);
        Matcher mastering = MASTERING.matcher(html);
        return build.find() && mastering.find() ? Optional.of(new WebAppBuild(build.group(1), mastering.group(1)))
                : Optional.empty();
    }

    /** The current build as the web app publishes it, or {@link #FALLBACK}; never fails. */
    public static WebAppBuild fetch(ICloudHttp http) {
        try {
            ApiResponse page = http.send(ApiCall.get(HttpUrl.get(http.endpoints().home() + "/"),
                    Headers.of("Accept", "text/html")));
            Optional<WebAppBuild> found = page.successful() ? fromPage(page.body()) : Optional.empty();
            found.ifPresentOrElse(b -> LOG.debug("icloud.com web app build {} / {}", b.buildNumber(),
                    b.masteringNumber()), () -> LOG.debug("icloud.com did not show its build (HTTP {}); using {}",
                    page.status(), FALLBACK.buildNumber()));
            return found.orElse(FALLBACK);
        } catch (RuntimeException e) {
            LOG.debug("Could not read the icloud.com web app's build ({}); using {}", e.getMessage(),
                    FALLBACK.buildNumber());
            return FALLBACK;
        }
    }
}
