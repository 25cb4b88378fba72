package io.github.camelicloud.simulator.idmsa;

import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.state.SimulatorState;

/** The idmsa endpoints (sign-in and HSA2) under {@code /appleauth/auth}. */
public final class IdmsaModule implements RouteModule {

    public static final String AUTH = "/appleauth/auth";

    private final SimulatorState state;

    public IdmsaModule(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void register(Router router) {
        TrustedDeviceCodeHandlers deviceCode = new TrustedDeviceCodeHandlers(state);
        PhoneCodeHandlers phoneCode = new PhoneCodeHandlers(state);
        router.add("POST", AUTH + "/signin/init", new SigninInitHandler(state))
                .add("POST", AUTH + "/signin/complete", new SigninCompleteHandler(state))
                .add("POST", AUTH + "/repair/complete", new RepairCompleteHandler(state))
                .add("GET", AUTH, new Hsa2PageHandler(state))
                .add("PUT", AUTH + "/verify/trusteddevice/securitycode", deviceCode.push())
                .add("POST", AUTH + "/verify/trusteddevice/securitycode", deviceCode.verify())
                .add("PUT", AUTH + "/verify/phone", phoneCode.request())
                .add("POST", AUTH + "/verify/phone/securitycode", phoneCode.verify())
                .add("GET", AUTH + "/2sv/trust", new TrustHandler(state));
    }
}
