package io.github.camelicloud.simulator.setup;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelicloud.simulator.AccountFlag;
import io.github.camelicloud.simulator.http.CookieScope;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.http.SetCookie;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /setup/ws/1/requestPCS} with {@code {"appName":"photos","derivedFromUserAction":true}}: the web
 * client asks for the Protected Cloud Storage cookies of an app, which accountLogin advertises as needed with
 * {@code webservices.ckdatabasews.pcsRequired: true}. Apple answers {@code status: success} ("Cookies attached.")
 * with {@code X-APPLE-WEBAUTH-PCS-Photos} and {@code X-APPLE-WEBAUTH-PCS-Sharing}; with Advanced Data
 * Protection and web access turned off, {@code isWebAccessAllowed: false} and no cookies. Needs the web
 * session's cookies (421 without, like validate).
 */
final class RequestPcsHandler implements Handler {

    private static final Duration PCS_LIFETIME = Duration.ofHours(1);

    private final SimulatorState state;

    RequestPcsHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        Optional<WebSession> found = state.webSessions().find(request.cookies());
        if (found.isEmpty()) {
            return SetupResponses.authenticationRequired(state);
        }
        WebSession web = found.get();
        JsonNode body = request.json();
        String app = Optional.ofNullable(Json.text(body, "appName")).orElse("photos");
        if (web.account().has(AccountFlag.ADP)) {
            return SetupResponses.json(state, Json.object().put("isWebAccessAllowed", false)
                    .put("isDeviceConsentedForPCS", false)
                    .put("message", "Web access is turned off for this account.").put("status", "failure"));
        }
        Response response = SetupResponses.json(state, Json.object().put("isWebAccessAllowed", true)
                .put("isDeviceConsentedForPCS", true).put("message", "Cookies attached.").put("status", "success"));
        CookieScope scope = state.hosts().cookieScope(request);
        Instant expires = state.now().plus(PCS_LIFETIME);
        String appCookie = "X-APPLE-WEBAUTH-PCS-" + capitalised(app);
        response = response.withCookie(new SetCookie(appCookie, pcsValue(), true, expires, true, scope));
        if (!appCookie.equals("X-APPLE-WEBAUTH-PCS-Sharing")) {
            response = response.withCookie(new SetCookie("X-APPLE-WEBAUTH-PCS-Sharing", pcsValue(), true, expires,
                    true, scope));
        }
        return response;
    }

    private String pcsValue() {
        return "TGlzdE9mS2V5cw==" + state.tokens().base64(96);
    }

    private static String capitalised(String app) {
        String clean = app.replaceAll("[^A-Za-z0-9]", "");
        if (clean.isEmpty()) {
            return "Photos";
        }
        return clean.substring(0, 1).toUpperCase(Locale.ROOT) + clean.substring(1);
    }
}
