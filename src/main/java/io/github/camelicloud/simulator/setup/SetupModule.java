package io.github.camelicloud.simulator.setup;

import io.github.camelicloud.simulator.http.RouteModule;
import io.github.camelicloud.simulator.http.Router;
import io.github.camelicloud.simulator.state.SimulatorState;

/** The setup service under {@code /setup/ws/1}: accountLogin, validate and legacy 2SA. */
public final class SetupModule implements RouteModule {

    public static final String SETUP = "/setup/ws/1";

    private final SimulatorState state;

    public SetupModule(SimulatorState state) {
        this.state = state;
    }

    @Override
    public void register(Router router) {
        TwoStepHandlers twoStep = new TwoStepHandlers(state);
        router.add("GET", "/", new WebAppPageHandler())
                .add("POST", SETUP + "/accountLogin", new AccountLoginHandler(state))
                .add("POST", SETUP + "/validate", new ValidateHandler(state))
                .add("POST", SETUP + "/requestPCS", new RequestPcsHandler(state))
                .add("POST", SETUP + "/logout", new LogoutHandler(state))
                .add("GET", SETUP + "/listDevices", twoStep.listDevices())
                .add("POST", SETUP + "/sendVerificationCode", twoStep.sendCode())
                .add("POST", SETUP + "/validateVerificationCode", twoStep.validateCode());
    }
}
