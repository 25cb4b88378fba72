package io.github.camelicloud.app.webui;

import io.github.camelicloud.client.auth.MfaCodeProvider;
import io.github.camelicloud.client.auth.TrustedPhone;
import io.github.camelicloud.client.auth.TwoStepDevice;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --mfa-provider webui}: the code (or the phone to text one to) comes from the web page. */
public final class WebMfaCodeProvider implements MfaCodeProvider {

    private static final Logger LOG = LoggerFactory.getLogger(WebMfaCodeProvider.class);

    private final WebUiState state;
    private final String address;

    public WebMfaCodeProvider(WebUiState state, String address) {
        this.state = state;
        this.address = address;
    }

    @Override
    public Optional<Hsa2Answer> twoFactor(String username, List<TrustedPhone> phones, boolean previousCodeWrong) {
        LOG.info("Waiting for the two-factor authentication code on {}", address);
        return state.awaitTwoFactor(phones, previousCodeWrong);
    }

    @Override
    public Optional<String> smsCode(TrustedPhone phone, boolean previousCodeWrong) {
        LOG.info("Waiting for the code sent by SMS to {} on {}", phone.obfuscatedNumber(), address);
        return state.awaitSmsCode(phone, previousCodeWrong);
    }

    /** Legacy two-step: the first device gets the code (the page has no device chooser). */
    @Override
    public Optional<TwoStepDevice> chooseTwoStepDevice(String username, List<TwoStepDevice> devices) {
        return devices.stream().findFirst();
    }

    @Override
    public Optional<String> twoStepCode(TwoStepDevice device, boolean previousCodeWrong) {
        LOG.info("Waiting for the two-step authentication code on {}", address);
        return state.awaitTwoFactor(List.of(), previousCodeWrong)
                .filter(DeviceCode.class::isInstance).map(a -> ((DeviceCode) a).code());
    }
}
