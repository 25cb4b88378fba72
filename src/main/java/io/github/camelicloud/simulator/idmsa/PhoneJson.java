package io.github.camelicloud.simulator.idmsa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelicloud.simulator.http.Json;
import io.github.camelicloud.simulator.state.TrustedPhone;

/** JSON shapes shared by the HSA2 page and the SMS calls. */
final class PhoneJson {

    private PhoneJson() {
    }

    static ObjectNode of(TrustedPhone phone) {
        return Json.object().put("numberWithDialCode", phone.numberWithDialCode()).put("pushMode", "sms")
                .put("obfuscatedNumber", phone.obfuscatedNumber()).put("lastTwoDigits", phone.lastTwoDigits())
                .put("id", phone.id());
    }

    static ObjectNode securityCode() {
        return Json.object().put("length", 6).put("tooManyCodesSent", false).put("tooManyCodesValidated", false)
                .put("securityCodeLocked", false).put("securityCodeCooldown", false);
    }
}
