package io.github.camelicloud.simulator.idmsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Handler;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.http.Request;
import io.github.camelicloud.simulator.http.Response;
import io.github.camelicloud.simulator.state.AccountIdentity;
import io.github.camelicloud.simulator.state.AuthSession;
import io.github.camelicloud.simulator.state.SimulatorState;
import io.github.camelicloud.simulator.state.TrustedPhone;
import java.util.List;
import java.util.Optional;

/**
 * A5 {@code GET /appleauth/auth}: the HSA2 page, an HTML shell whose {@code boot_args} script holds the
 * trusted phone numbers. Since 2026 they sit under {@code twoSV.bridgeInitiateData} (§11); the legacy
 * option puts them where the cassettes have them ({@code twoSV.phoneNumberVerification}).
 */
final class Hsa2PageHandler implements Handler {

    private static final List<TrustedPhone> ANONYMOUS_PHONES = List.of(new TrustedPhone(1, "81"));

    private final SimulatorState state;

    Hsa2PageHandler(SimulatorState state) {
        this.state = state;
    }

    @Override
    public Response handle(Request request) {
        // Lenient on purpose: icloudpd sends this without cookies (§2.2); unknown callers get a generic page.
        Optional<AuthSession> session = SessionLocator.locate(request, state.authSessions());
        List<TrustedPhone> phones = session.map(s -> s.account().identity()).map(AccountIdentity::phones)
                .orElse(ANONYMOUS_PHONES);
        String scnt = session.map(AuthSession::scnt).orElseGet(() -> IdmsaResponses.newScnt(state));
        String html = "<!DOCTYPE html>\n<html lang=\"en-US\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Apple Account</title>\n"
                + script("pre", Json.object().put("isReact", true)) + "\n"
                + script("boot_args", bootArgs(phones)) + "\n"
                + script("post", Json.object()) + "\n"
                + "</head>\n<body><div id=\"content\"></div></body>\n</html>\n";
        return IdmsaResponses.decorate(Response.text(200, Response.ICLOUD_HTML, html), state, scnt);
    }

    private ObjectNode bootArgs(List<TrustedPhone> phones) {
        ObjectNode root = Json.object();
        ObjectNode direct = root.putObject("direct");
        direct.put("scriptUrl", "https://appleid.cdn-apple.com/appleauth/static/jsj/1720813638/widget/auth/hsa2.js");
        direct.put("module", "widget/auth/components/hsa2/hsa2");
        direct.put("isReact", true);
        direct.put("authUserType", "hsa2");
        direct.put("hasTrustedDevices", true);
        ObjectNode twoSV = direct.putObject("twoSV");
        twoSV.putArray("supportedPushModes").add("voice").add("sms");
        ObjectNode verification = state.config().legacyHsa2Page() ? twoSV.putObject("phoneNumberVerification")
                : twoSV.putObject("bridgeInitiateData").putObject("phoneNumberVerification");
        fillVerification(verification, phones);
        twoSV.putArray("authFactors").add("robocall").add("sms").add("generatedcode");
        twoSV.put("source_returnurl", "https://idmsa.apple.com/");
        twoSV.put("sourceAppId", 1159);
        direct.put("referrerQuery", "");
        direct.put("urlContext", "/appleauth");
        direct.put("tag", "<hsa2 class='auth-v1' suppress-iforgot=\"{suppressIforgot}\" "
                + "skip-trust-browser-step=\"{skipTrustBrowserStep}\"></hsa2>");
        direct.put("authType", "hsa2");
        direct.put("authInitialRoute", "auth/verify/trusteddevice");
        direct.put("appleIDUrl", "https://appleid.apple.com");
        root.putObject("additional").put("canRoute2sv", true);
        return root;
    }

    private static void fillVerification(ObjectNode verification, List<TrustedPhone> phones) {
        ArrayNode list = verification.putArray("trustedPhoneNumbers");
        phones.forEach(phone -> list.add(PhoneJson.of(phone)));
        verification.set("trustedPhoneNumber", PhoneJson.of(phones.get(0)));
        verification.set("securityCode", PhoneJson.securityCode());
        verification.put("authenticationType", "hsa2");
        verification.put("recoveryUrl", "https://iforgot.apple.com/phone/add?prs_account_nm=dummy%40dummy.com"
                + "&autoSubmitAccount=true&appId=142");
        verification.put("aboutTwoFactorAuthenticationUrl", "https://support.apple.com/kb/HT204921");
        verification.put("autoVerified", false);
        verification.put("showAutoVerificationUI", false);
        verification.put("hideSendSMSCodeOption", false);
        verification.put("supportsRecovery", true);
        verification.put("hsa2Account", true);
        verification.put("restrictedAccount", false);
        verification.put("managedAccount", false);
    }

    private static String script(String cssClass, ObjectNode json) {
        try {
            // Escape what could end the script element, the way Apple does (\u003C, \u0026).
            String text = Json.MAPPER.writeValueAsString(json).replace("<", "\\u003C").replace(">", "\\u003E")
                    .replace("&", "\\u0026");
            return "<script type=\"application/json\" class=\"" + cssClass + "\">" + text + "</script>";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
