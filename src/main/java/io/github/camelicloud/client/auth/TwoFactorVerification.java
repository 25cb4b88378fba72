package io.github.camelicloud.client.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudException;
import io.github.camelicloud.client.ICloudServiceException;
import io.github.camelicloud.client.InvalidMfaCodeException;
import io.github.camelicloud.client.http.ApiResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HSA2 (two-factor) verification, Apple's 2026 flow (icloud-protocol.md §5.2–§5.4, §11): read the trusted
 * phones, ask Apple to push a code, accept a device code or an SMS code (wrong codes may be retried),
 * then trust the session so the next runs need no code.
 */
final class TwoFactorVerification {

    private static final Logger LOG = LoggerFactory.getLogger(TwoFactorVerification.class);

    private final AuthRequests requests;
    private final String username;

    TwoFactorVerification(AuthRequests requests, String username) {
        this.requests = requests;
        this.username = username;
    }

    /** Returns once Apple accepted a code and trusts this session. */
    void verify(MfaCodeProvider mfa) {
        List<TrustedPhone> phones = trustedPhones();
        requestDevicePush();
        boolean wrong = false;
        for (int attempt = 1; attempt <= MfaAttempts.MAX; attempt++) {
            int current = attempt;
            MfaCodeProvider.Hsa2Answer answer = mfa.twoFactor(username, phones, wrong)
                    .orElseThrow(() -> MfaAttempts.noCode(username, "two-factor", current));
            boolean accepted = answer instanceof MfaCodeProvider.SendSms sms
                    ? verifySms(mfa, sms.phone())
                    : verifyDeviceCode(((MfaCodeProvider.DeviceCode) answer).code());
            if (accepted) {
                trustSession();
                return;
            }
            wrong = true;
            LOG.warn("Incorrect verification code (attempt {}/{})", attempt, MfaAttempts.MAX);
        }
        throw new InvalidMfaCodeException(MfaAttempts.MAX, "two-factor");
    }

    private List<TrustedPhone> trustedPhones() {
        try {
            ApiResponse page = requests.sms("GET", "", null);
            return page.status() == 200 || page.status() == 204 ? TrustedPhonesPage.parse(page.body()) : List.of();
        } catch (ICloudException e) {
            LOG.debug("Could not read the trusted phone numbers ({}); offering device codes only", e.getMessage());
            return List.of();
        }
    }

    /** Since 2026 Apple pushes the code only when asked to; failure is not fatal. */
    private void requestDevicePush() {
        try {
            ApiResponse r = requests.idmsa("PUT", "verify/trusteddevice/securitycode", null, false);
            LOG.debug("Asked Apple to push a code to trusted devices (HTTP {})", r.status());
        } catch (ICloudException e) {
            LOG.debug("Could not ask Apple to push a code ({}); the user may still have one", e.getMessage());
        }
    }

    private boolean verifyDeviceCode(String code) {
        ObjectNode body = requests.object();
        body.putObject("securityCode").put("code", code);
        return accepted(requests.idmsa("POST", "verify/trusteddevice/securitycode", body, false));
    }

    private boolean verifySms(MfaCodeProvider mfa, TrustedPhone phone) {
        ObjectNode request = requests.object().put("mode", "sms");
        request.putObject("phoneNumber").put("id", phone.id());
        ApiResponse sent = requests.sms("PUT", "verify/phone", request);
        if (!sent.successful()) {
            throw new ICloudServiceException("Failed to send two-factor authentication code by SMS to "
                    + phone.obfuscatedNumber() + " (HTTP " + sent.status() + "); try a device code instead.",
                    sent.status(), null);
        }
        boolean wrong = false;
        for (int attempt = 1; attempt <= MfaAttempts.MAX; attempt++) {
            int current = attempt;
            String code = mfa.smsCode(phone, wrong)
                    .orElseThrow(() -> MfaAttempts.noCode(username, "two-factor", current));
            ObjectNode verify = request.deepCopy();
            verify.putObject("securityCode").put("code", code);
            if (accepted(requests.sms("POST", "verify/phone/securitycode", verify))) {
                return true;
            }
            wrong = true;
            LOG.warn("Incorrect SMS code (attempt {}/{})", attempt, MfaAttempts.MAX);
        }
        throw new InvalidMfaCodeException(MfaAttempts.MAX, "two-factor");
    }

    /**
     * True on 2xx or Apple's 2026 "valid code" 409, false on Apple's "incorrect code"; anything else is an error.
     * The session headers of a 409 (its new session token, when there is one) were captured like any answer's.
     */
    private static boolean accepted(ApiResponse r) {
        if (r.successful()) {
            return true;
        }
        if (ValidCodeConflict.accepts(r)) {
            LOG.debug("Apple answered 409 to a valid code ({}); going on to trust the session",
                    r.header("X-Apple-Session-Token").isPresent() ? "with a new session token" : "without a session token");
            return true;
        }
        String code = r.header("X-Apple-I-Ercd")
                .orElse(r.json().path("service_errors").path(0).path("code").asText(""));
        if (MfaAttempts.WRONG_CODE.equals(code) || (r.status() == 400 && code.isEmpty())) {
            return false;
        }
        r.orThrow();
        return false;
    }

    private void trustSession() {
        ApiResponse r = requests.idmsa("GET", "2sv/trust", null, false);
        if (!r.successful()) {
            throw new ICloudServiceException("Session trust failed: Apple refused to trust this session (HTTP "
                    + r.status() + "). Sign in again.", r.status(), null);
        }
    }
}
