package io.github.camelicloud.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.client.ICloudServiceException;
import io.github.camelicloud.client.InvalidMfaCodeException;
import io.github.camelicloud.client.MfaRequiredException;
import io.github.camelicloud.client.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legacy two-step verification (2SA, hsaVersion 1) on the setup service (icloud-protocol.md §5.5): choose
 * a device, have a code sent, check it (wrong codes may be retried). 2SA yields no trust token.
 */
final class TwoStepVerification {

    private static final Logger LOG = LoggerFactory.getLogger(TwoStepVerification.class);

    private final AuthRequests requests;
    private final String username;

    TwoStepVerification(AuthRequests requests, String username) {
        this.requests = requests;
        this.username = username;
    }

    /** Returns once Apple accepted a code. */
    void verify(MfaCodeProvider mfa, String dsid) {
        List<TwoStepDevice> devices = new ArrayList<>();
        for (JsonNode d : requests.setup("GET", "listDevices", null, dsid).orThrow().json().path("devices")) {
            if (d.isObject()) {
                String name = d.hasNonNull("deviceName") ? d.path("deviceName").asText()
                        : "SMS to " + d.path("phoneNumber").asText();
                devices.add(new TwoStepDevice(name, (ObjectNode) d));
            }
        }
        TwoStepDevice device = mfa.chooseTwoStepDevice(username, devices)
                .orElseThrow(() -> new MfaRequiredException(username, "no two-step device was chosen"));
        ApiResponse sent = requests.setup("POST", "sendVerificationCode", device.raw().toString(), dsid);
        if (!sent.json().path("success").asBoolean(false)) {
            throw new ICloudServiceException("Failed to send two-step authentication code to "
                    + device.displayName() + "; try again later.", sent.status(), null);
        }
        boolean wrong = false;
        for (int attempt = 1; attempt <= MfaAttempts.MAX; attempt++) {
            int current = attempt;
            String code = mfa.twoStepCode(device, wrong)
                    .orElseThrow(() -> MfaAttempts.noCode(username, "two-step", current));
            ObjectNode body = device.raw().put("verificationCode", code).put("trustBrowser", true);
            ApiResponse r = requests.setup("POST", "validateVerificationCode", body.toString(), dsid);
            if (r.json().path("success").asBoolean(false)) {
                return;
            }
            if (!MfaAttempts.WRONG_CODE.equals(r.json().path("errorCode").asText())) {
                r.orThrow();
            }
            wrong = true;
            LOG.warn("Incorrect verification code (attempt {}/{})", attempt, MfaAttempts.MAX);
        }
        throw new InvalidMfaCodeException(MfaAttempts.MAX, "two-step");
    }
}
